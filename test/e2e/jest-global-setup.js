require('../../tools/jest/paths').registerPathAliases();
module.exports = require('./global-setup.ts').default;
