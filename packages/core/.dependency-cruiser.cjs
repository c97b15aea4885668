/* global module */
// The layer rules of packages/core (issue 19): imports read downward. Run by `pnpm lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-value-circle',
      comment:
        'A static value import that lies on a circle (type-only imports are erased, lazy import() calls load later): module evaluation order would matter. Move the shared part down.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'entra-and-permissions-below-token',
      comment:
        'entra/ and permissions/ sit below token/: shared types live in report/ or lib/. permissions/api-answer/ inspects tokens, so it is a floor above (to be moved out of permissions/).',
      severity: 'error',
      from: { path: '^src/(entra|permissions)/', pathNot: '^src/permissions/api-answer/' },
      to: { path: '^src/token/' },
    },
    {
      name: 'lib-is-generic',
      comment: 'lib/ holds generic helpers: it imports nothing else of the package.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'no-own-index',
      comment:
        "Nothing inside the package imports its root index.ts: it loads every module (the CLI's tables too).",
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.lib.json' },
    enhancedResolveOptions: { conditionNames: ['source', 'node', 'import', 'default'] },
  },
}
