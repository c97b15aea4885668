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
cp "$here/consumer.ts" "$here/exercise.mjs" "$here/imports.mjs" "$here/tsconfig.node16.json" "$here/tsconfig.bundler.json" "$work/consumer/"
printf '{ "name": "claimcheck-consumer", "private": true, "type": "module" }\n' > "$work/consumer/package.json"
(cd "$work/consumer" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
  "$tarball" \
  "express@$(catalog express)" "@types/express@$(catalog @types/express)" \
  "fastify@$(catalog fastify)" "hono@$(catalog hono)" "@hono/node-server@$(catalog @hono/node-server)" \
  "typescript@$(catalog typescript)" "@types/node@$(catalog @types/node)")

step "ESM import of every subpath"
(cd "$work/consumer" && node imports.mjs)
step "TypeScript: moduleResolution node16"
(cd "$work/consumer" && npx --no-install tsc -p tsconfig.node16.json)
step "TypeScript: moduleResolution bundler"
(cd "$work/consumer" && npx --no-install tsc -p tsconfig.bundler.json)
step "npx claimcheck --help"
(cd "$work/consumer" && npx --no-install claimcheck --help | head -3)
step "the adapters and authorize, serving real requests on 127.0.0.1"
(cd "$work/consumer" && node exercise.mjs)
printf '\npackage check: all good\n'
