// Lint for correctness and architecture, not style: typescript-eslint's recommended rules (no
// type-aware ones, so linting needs no TypeScript program) and Nx module boundaries computed from
// the tags in each project.json.
const { defineConfig, globalIgnores } = require('eslint/config');
const tseslint = require('typescript-eslint');
const nx = require('@nx/eslint-plugin');
const reactHooks = require('eslint-plugin-react-hooks');
const { ensureProjectGraph } = require('./tools/lint/project-graph');

// Without a current project graph the boundaries rule silently does nothing (see the helper).
ensureProjectGraph();

const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', '**/__tests__/**/*.ts', '**/__fixtures__/**/*.ts'];

/**
 * Who may import whom, by project tags. A project's dependency must satisfy every constraint whose
 * source tag the project carries: its type constraint and its scope constraint.
 */
function boundaries({ testCode }) {
  return {
    enforceBuildableLibDependency: false,
    // A test may import its own library through the alias, i.e. through the public API its
    // consumers use. In production code that import would be a require cycle through index.ts.
    allowCircularSelfDependency: testCode,
    allow: [],
    depConstraints: [
      {
        sourceTag: 'type:service',
        onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', ...(testCode ? ['type:testing'] : [])],
      },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', ...(testCode ? ['type:testing'] : [])] },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
      // Every scope, a service's own (scope:learning, scope:community, ...) as well as scope:shared,
      // may depend only on shared code: a service never imports another service, and a service
      // added later is covered without editing this file.
      { sourceTag: 'scope:*', onlyDependOnLibsWithTags: ['scope:shared'] },
    ],
  };
}

module.exports = defineConfig(
  globalIgnores(['**/dist/', '**/.cache/', '**/node_modules/', '**/coverage/', '.nx/']),
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries({ testCode: false })],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Test code of a service or a library may use the shared test utilities (type:testing); production code may not.
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries({ testCode: true })],
    },
  },
  {
    // The web console (React): the rules of hooks, including the React Compiler's checks.
    files: ['apps/console/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Plain CommonJS tooling files (this config, Jest helpers).
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
