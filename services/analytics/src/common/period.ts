import { AnalyticsErrorCode, BadQueryError } from './bad-query.error';

/** A half-open time range [from, to): `to` is the first instant after the period. */
export interface Period {
  from: Date;
  to: Date;
  /** As asked: the first and the last day included (YYYY-MM-DD). */
  label: { from: string; to: string };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;

function parseDay(name: string, value: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new BadQueryError(AnalyticsErrorCode.BadPeriod, `${name} must be a date such as 2018-01-31; "${value}" is not one.`);
  }
  return date;
}

/**
 * The period of a report or an export: `year=2018`, or `from` and/or `to` (days, both included), or
 * by default the calendar year `defaultYear`. An end before the start is refused with a sentence.
 */
export function parsePeriod(query: { year?: string; from?: string; to?: string }, defaultYear: number): Period {
  if (query.year !== undefined && (query.from !== undefined || query.to !== undefined)) {
    throw new BadQueryError(AnalyticsErrorCode.BadPeriod, 'Give either year or from/to, not both.');
  }
  if (query.year !== undefined && !YEAR.test(query.year)) {
    throw new BadQueryError(AnalyticsErrorCode.BadPeriod, `year must be four digits such as 2018; "${query.year}" is not one.`);
  }
  const year = query.year !== undefined ? Number(query.year) : defaultYear;
  const fromDay = query.from ?? (query.to === undefined || query.year !== undefined ? `${year}-01-01` : '1970-01-01');
  const toDay = query.to ?? (query.from === undefined || query.year !== undefined ? `${year}-12-31` : '9999-12-31');
  const from = parseDay('from', fromDay);
  const last = parseDay('to', toDay);
  if (last.getTime() < from.getTime()) {
    throw new BadQueryError(AnalyticsErrorCode.BadPeriod, `The period ends (${toDay}) before it starts (${fromDay}); give an end on or after the start.`);
  }
  return { from, to: new Date(last.getTime() + 86_400_000), label: { from: fromDay, to: toDay } };
}
