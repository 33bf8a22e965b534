// The tsconfig path aliases (@socialmakers/*) for Jest, so tests import libraries exactly as
// services do.
const Module = require('node:module');
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

const root = path.resolve(__dirname, '../..');

exports.pathsToModuleNameMapper = () =>
  Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
  );

/**
 * Jest's globalSetup and globalTeardown run outside the module registry, where moduleNameMapper does
 * not apply; this resolves the aliases there.
 */
exports.registerPathAliases = () => {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const target = compilerOptions.paths[request];
    return resolveFilename.call(this, target ? path.resolve(root, target[0]) : request, ...rest);
  };
};
