import type { IHeaders } from 'kafkajs';

/**
 * Headers a dead letter carries besides the original record's own, after the convention of Kafka
 * Connect and Spring Kafka: where it came from, who failed on it, and why.
 */
export const DeadLetterHeader = {
  originalTopic: 'dlt.original.topic',
  originalPartition: 'dlt.original.partition',
  originalOffset: 'dlt.original.offset',
  originalTimestamp: 'dlt.original.timestamp',
  consumerGroup: 'dlt.consumer.group',
  reason: 'dlt.reason',
  exceptionClass: 'dlt.exception.class',
  exceptionMessage: 'dlt.exception.message',
  attempts: 'dlt.attempts',
  failedAt: 'dlt.failed.at',
} as const;

export type DeadLetterReason = 'malformed' | 'unknown-type' | 'contract' | 'handler';

export interface DeadLetterCause {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  group: string;
  reason: DeadLetterReason;
  error: unknown;
  attempts: number;
}

const MAX_MESSAGE_LENGTH = 2000;

export function deadLetterHeaders(original: IHeaders | undefined, cause: DeadLetterCause, now = new Date()): IHeaders {
  const error = cause.error instanceof Error ? cause.error : new Error(String(cause.error));
  return {
    ...withoutDeadLetterHeaders(original),
    [DeadLetterHeader.originalTopic]: cause.topic,
    [DeadLetterHeader.originalPartition]: String(cause.partition),
    [DeadLetterHeader.originalOffset]: cause.offset,
    [DeadLetterHeader.originalTimestamp]: cause.timestamp,
    [DeadLetterHeader.consumerGroup]: cause.group,
    [DeadLetterHeader.reason]: cause.reason,
    [DeadLetterHeader.exceptionClass]: error.name,
    [DeadLetterHeader.exceptionMessage]: error.message.slice(0, MAX_MESSAGE_LENGTH),
    [DeadLetterHeader.attempts]: String(cause.attempts),
    [DeadLetterHeader.failedAt]: now.toISOString(),
  };
}

/** The original record's headers, as they were before it was dead-lettered (used by replay). */
export function withoutDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !name.startsWith('dlt.')));
}
