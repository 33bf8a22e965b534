import { randomSuffix } from './infrastructure';

// The run's namespace as this test file found it; restored when the file is done, because
// `jest --runInBand` runs every file in one process.
const runNamespace = process.env.KAFKA_NAMESPACE;
if (typeof afterAll === 'function') {
  afterAll(() => {
    process.env.KAFKA_NAMESPACE = runNamespace;
  });
}

/**
 * Gives the calling suite a Kafka namespace of its own inside the run's, for suites that assert
 * exact figures over whole topics (what other suites of the run publish would be counted too).
 * Services started afterwards inherit it; provision its topics before producing to them.
 */
export function useOwnKafkaNamespace(label: string): string {
  process.env.KAFKA_NAMESPACE = `${runNamespace ?? ''}${label}-${randomSuffix()}.`;
  return process.env.KAFKA_NAMESPACE;
}
