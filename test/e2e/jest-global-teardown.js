require('../../tools/jest/paths').registerPathAliases();
module.exports = require('./global-teardown.ts').default;
