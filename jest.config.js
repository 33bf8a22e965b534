// Two projects: unit specs (pure logic, may mock collaborators) and integration specs, which talk
// to the real Kafka broker and PostgreSQL that test/global-setup.ts makes sure are running.
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
  ],
};
