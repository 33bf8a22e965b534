import { csvLine } from '../results/report-csv';
import type { LoggedEvent } from '../streams/event-log.service';

const COMMON = ['seq', 'id', 'source', 'type', 'subject', 'occurredAt', 'recordedAt', 'country'] as const;

/**
 * The CSV columns of an export: the envelope's, then one per payload field when the export is of one
 * type (so a spreadsheet gets real columns), or the payload as one JSON column when it mixes types.
 */
export function csvHeader(fields: string[] | undefined): string {
  return csvLine([...COMMON, ...(fields ?? ['data'])]);
}

export function csvRow(event: LoggedEvent, fields: string[] | undefined): string {
  const envelope = COMMON.map((column) => event[column]);
  return csvLine([...envelope, ...(fields ? fields.map((field) => event.data[field]) : [event.data])]);
}
