// The e2e project's test environment: Node's, plus a flag telling the afterEach hook in
// e2e-setup.js that the test just failed, so it can save what the browser showed at that moment.
const { TestEnvironment } = require('jest-environment-node');

class E2eEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global.e2eTestFailed = false;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.global.e2eTestFailed = true;
  }
}

module.exports = E2eEnvironment;
