#!/usr/bin/env bash
# The package as users get it: pack @claimcheck/core, install the tarball with npm into a fresh project outside the
# workspace, and there import every subpath (ESM), type-check a consumer (moduleResolution node16 and bundler), run
# `npx claimcheck --help`, and serve real requests through each adapter. publint and @arethetypeswrong/cli (ESM-only
# profile) must report nothing. Needs the npm registry for the consumer's own dependencies (the frameworks).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/claimcheck-package-XXXXXX")"
trap 'rm -rf "$work"' EXIT
step() { printf "\n== %s (at %ss)\n" "$*" "$SECONDS"; }

# Versions the workspace tests with (pnpm-workspace.yaml catalog), so the consumer checks the same majors.
catalog() { sed -n "s|^  '\{0,1\}$1'\{0,1\}: *||p" "$root/pnpm-workspace.yaml"; }
# Installed only into the consumer, never into the workspace: the library whose global `Request.auth` ClaimCheck must
# type-check beside (side-by-side.ts), and the newest TypeScript major next to the catalog's (the oldest we test).
OAUTH2_JWT_BEARER=1.10.0
TYPESCRIPT_LATEST=7.0.2

step "build and pack @claimcheck/core"
pnpm --dir "$root" --filter @claimcheck/core build >/dev/null
pnpm --dir "$root" --filter @claimcheck/core pack --pack-destination "$work" >/dev/null
tarball="$(ls "$work"/claimcheck-core-*.tgz)"
mkdir "$work/unpacked" && tar xzf "$tarball" -C "$work/unpacked"
node "$here/check-files.mjs" "$work/unpacked/package"

step "publint"
(cd "$root" && npx --no-install publint --strict "$tarball")
step "arethetypeswrong (ESM-only profile)"
(cd "$root" && npx --no-install attw "$tarball" --profile esm-only --format table-flipped)

step "npm install of the tarball into a fresh project ($work/consumer)"
mkdir "$work/consumer"
consumer_files=(consumer.ts side-by-side.ts matchers.ts exercise.mjs imports.mjs tsconfig.node16.json tsconfig.bundler.json tsconfig.side-by-side.json)
for f in "${consumer_files[@]}"; do cp "$here/$f" "$work/consumer/"; done
printf '{ "name": "claimcheck-consumer", "private": true, "type": "module" }\n' > "$work/consumer/package.json"
(cd "$work/consumer" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
  "$tarball" \
  "express@$(catalog express)" "@types/express@$(catalog @types/express)" \
  "fastify@$(catalog fastify)" "hono@$(catalog hono)" "@hono/node-server@$(catalog @hono/node-server)" \
  "typescript@$(catalog typescript)" "@types/node@$(catalog @types/node)" "vitest@$(catalog vitest)" \
  "express-oauth2-jwt-bearer@$OAUTH2_JWT_BEARER" "typescript-latest@npm:typescript@$TYPESCRIPT_LATEST")

step "ESM import of every subpath"
(cd "$work/consumer" && node imports.mjs)
step "TypeScript: moduleResolution node16"
(cd "$work/consumer" && npx --no-install tsc -p tsconfig.node16.json)
step "TypeScript: moduleResolution bundler"
(cd "$work/consumer" && npx --no-install tsc -p tsconfig.bundler.json)
step "TypeScript: beside express-oauth2-jwt-bearer (no augmentation), every vitest matcher"
(cd "$work/consumer" && npx --no-install tsc -p tsconfig.side-by-side.json)
step "TypeScript $TYPESCRIPT_LATEST: node16, bundler, side by side"
for config in tsconfig.node16.json tsconfig.bundler.json tsconfig.side-by-side.json; do
  (cd "$work/consumer" && node node_modules/typescript-latest/bin/tsc -p "$config")
done
step "npx claimcheck --help"
(cd "$work/consumer" && npx --no-install claimcheck --help | head -3)
step "the adapters and authorize, serving real requests on 127.0.0.1"
(cd "$work/consumer" && node exercise.mjs)

# pnpm's layout is strict (no hoisting): the vitest augmentation must still find vitest from the installed package.
step "pnpm install of the tarball into a fresh project ($work/consumer-pnpm), type-checked"
mkdir "$work/consumer-pnpm"
for f in consumer.ts side-by-side.ts matchers.ts tsconfig.node16.json tsconfig.bundler.json tsconfig.side-by-side.json; do
  cp "$here/$f" "$work/consumer-pnpm/"
done
printf '{ "name": "claimcheck-consumer-pnpm", "private": true, "type": "module" }\n' > "$work/consumer-pnpm/package.json"
(cd "$work/consumer-pnpm" && pnpm add --ignore-scripts --ignore-workspace --reporter=silent \
  "$tarball" \
  "express@$(catalog express)" "@types/express@$(catalog @types/express)" \
  "fastify@$(catalog fastify)" "hono@$(catalog hono)" \
  "typescript@$(catalog typescript)" "@types/node@$(catalog @types/node)" "vitest@$(catalog vitest)" \
  "express-oauth2-jwt-bearer@$OAUTH2_JWT_BEARER")
for config in tsconfig.node16.json tsconfig.bundler.json tsconfig.side-by-side.json; do
  (cd "$work/consumer-pnpm" && npx --no-install tsc -p "$config")
done
printf '\npackage check: all good\n'
