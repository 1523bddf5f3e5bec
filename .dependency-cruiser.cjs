/**
 * Layer rules, checked by `npm run lint` (dependency-cruiser). Patterns start at a `src/` folder
 * anywhere in the path, so the test that proves them (test/unit/boundaries.test.ts) can run them
 * on a small fixture tree too.
 */
const SRC = '(^|/)src/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is pure logic: it imports nothing of ours but src/domain (and no Node I/O).',
      severity: 'error',
      from: { path: `${SRC}domain/` },
      to: { path: `${SRC}(?!domain/)`, pathNot: 'node_modules' },
    },
    {
      name: 'domain-no-io',
      comment: 'src/domain does no I/O: no file system, network, processes or databases.',
      severity: 'error',
      from: { path: `${SRC}domain/` },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads)$' },
    },
    {
      name: 'no-upward-import-into-web',
      comment: 'Only src/web (and the server entry point) may import src/web: db, services, extract, storage, security, content and cli sit below it.',
      severity: 'error',
      from: { path: `${SRC}(db|services|extract|storage|security|content|cli|domain)/` },
      to: { path: `${SRC}web/` },
    },
    {
      name: 'db-below-services',
      comment: 'Repositories do not call use-cases.',
      severity: 'error',
      from: { path: `${SRC}db/` },
      to: { path: `${SRC}(services|cli)/` },
    },
    {
      name: 'handlers-not-handlers',
      comment: 'A handler imports loaders and helpers from src/web, never another handler.',
      severity: 'error',
      from: { path: `${SRC}web/handlers/` },
      to: { path: `${SRC}web/handlers/` },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make the layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
  },
};
