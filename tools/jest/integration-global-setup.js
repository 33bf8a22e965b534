require('./paths').registerPathAliases();
module.exports = require('./global-setup.ts').default;
