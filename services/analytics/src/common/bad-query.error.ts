import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@socialmakers/service-kit';

export const AnalyticsErrorCode = {
  BadPeriod: 'BAD_PERIOD',
  UnknownEventType: 'UNKNOWN_EVENT_TYPE',
  UnknownCountry: 'UNKNOWN_COUNTRY',
  BadCursor: 'BAD_CURSOR',
  NotPublished: 'NOT_PUBLISHED',
} as const;
export type AnalyticsErrorCode = (typeof AnalyticsErrorCode)[keyof typeof AnalyticsErrorCode];

/** A query the caller can correct (400): the message says how. */
export class BadQueryError extends DomainError<AnalyticsErrorCode> {
  readonly status = HttpStatus.BAD_REQUEST;
}
