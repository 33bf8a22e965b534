import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { createLogger } from '@socialmakers/logging';

/**
 * The only place that constructs the Kafka client. kafkajs has been unmaintained since 2023; keeping
 * it behind this library means a swap touches libs/messaging and nothing in the services.
 */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
}

const log = createLogger('kafka');

// Bounded producer retries are a deliberate choice (see event-producer.ts); repeating the warning on
// every start teaches operators to ignore warnings.
const EXPECTED_WARNINGS = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

function logEntry({ level, log: entry }: LogEntry): void {
  // kafkajs adds its own timestamp and logger name; ours already carries both.
  const { message, timestamp: _timestamp, logger: _logger, ...rest } = entry;
  if (EXPECTED_WARNINGS.has(message)) return;
  if (level === logLevel.ERROR) log.error(rest, message);
  else if (level === logLevel.WARN) log.warn(rest, message);
  else if (level === logLevel.INFO) log.debug(rest, message);
}

export function createKafka(settings: KafkaSettings): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: () => logEntry,
    // Reconnect patiently: a broker restart must not take a service down with it.
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 8 },
  });
}

export function parseBrokers(list: string): string[] {
  return list
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}
