// A scenario drives a browser through several pages and waits for events to travel through Kafka.
jest.setTimeout(180_000);

// When a test fails, every page it left open is saved as failed-<test>-<n>.png beside the screenshots.
afterEach(async () => {
  if (globalThis.e2eTestFailed && globalThis.e2eSaveOpenPages) await globalThis.e2eSaveOpenPages(expect.getState().currentTestName ?? 'test');
});
