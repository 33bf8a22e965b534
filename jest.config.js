// Three projects: unit specs (pure logic, may mock collaborators), integration specs, which talk
// to the real Kafka broker and PostgreSQL that test/global-setup.ts makes sure are running, and e2e
// specs, which drive the web console in headless Chromium against the whole running platform.
const { pathsToModuleNameMapper } = require('./tools/jest/paths');
const swc = ['@swc/jest', JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'))];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: pathsToModuleNameMapper(),
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{services,libs,tools}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{services,libs,tools,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tools/jest/integration-global-setup.js',
      globalTeardown: '<rootDir>/tools/jest/integration-global-teardown.js',
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-timeout.js'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/e2e/jest-global-setup.js',
      globalTeardown: '<rootDir>/test/e2e/jest-global-teardown.js',
      testEnvironment: '<rootDir>/test/e2e/support/e2e-environment.js',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/e2e-setup.js'],
    },
  ],
};
