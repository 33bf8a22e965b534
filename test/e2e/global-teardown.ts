import deleteRunTopics from '../../tools/jest/global-teardown';
import type { RunningPlatform } from './support/running-platform';

/** Stops what the setup started and drops its databases; the run's namespaced topics go as after the integration tests. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { e2ePlatform?: RunningPlatform }).e2ePlatform?.stop();
  await deleteRunTopics();
}
