require('./paths').registerPathAliases();
module.exports = require('./global-teardown.ts').default;
