/**
 * The layer rules (ARCHITECTURE.md), checked by `npm run layers` as part of `npm test`:
 * core ← analytics, db ← server ← cli; web imports core and, for the typed API client, only
 * `packages/server/src/client.ts` (whose one link to the server is a type). No cycles anywhere.
 */
const pkg = (name) => `^packages/${name}/`;
const ours = (...names) => `^packages/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle: modules that need each other belong together or need a smaller interface.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-imports-nothing-of-ours',
      severity: 'error',
      comment: 'core is the domain: schemas and pure functions, with no dependency on another package.',
      from: { path: pkg('core') },
      to: { path: ours('analytics', 'db', 'server', 'web', 'cli') },
    },
    {
      name: 'analytics-and-db-import-only-core',
      severity: 'error',
      from: { path: ours('analytics', 'db') },
      to: { path: ours('server', 'web', 'cli') },
    },
    {
      name: 'analytics-and-db-are-apart',
      severity: 'error',
      comment: 'Event data (analytics) and application storage (db) meet only in the server.',
      from: { path: pkg('analytics') },
      to: { path: pkg('db') },
    },
    {
      name: 'db-knows-no-analytics',
      severity: 'error',
      from: { path: pkg('db') },
      to: { path: pkg('analytics') },
    },
    {
      name: 'server-imports-no-cli-or-web',
      severity: 'error',
      from: { path: pkg('server') },
      to: { path: ours('cli', 'web') },
    },
    {
      name: 'web-imports-core-and-the-api-client-only',
      severity: 'error',
      from: { path: pkg('web') },
      to: { path: ours('analytics', 'db', 'server', 'cli'), pathNot: '^packages/server/src/client\\.ts$' },
    },
    {
      name: 'nobody-imports-the-cli',
      severity: 'error',
      from: { pathNot: pkg('cli') },
      to: { path: pkg('cli') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
