import { isEmail, isISO31661Alpha2, isISO8601, isUUID } from 'class-validator';
import { personIdForEmail } from '@socialmakers/contracts';

/** The columns (CSV header) and JSON keys an import row may carry. */
export const IMPORT_COLUMNS = ['personId', 'email', 'courseKey', 'country', 'enrolledAt', 'moduleKey', 'completedAt', 'score'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export interface RawImportRow {
  line: number;
  values: Record<string, unknown>;
}

/** A row that passed the checks that need no database: an enrolment, and a module completion when it names a module. */
export interface ImportRow {
  line: number;
  personId: string;
  courseKey: string;
  country: string | null;
  enrolledAt: Date | null;
  moduleKey: string | null;
  completedAt: Date | null;
  score: number | null;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Checks one row and says everything wrong with it in one sentence. A learner is named by their
 * platform person id or by their email, from which the person id is derived (UUID v5, the same
 * derivation every service uses, see personIdForEmail); the email itself is not stored.
 */
export function checkImportRow(raw: RawImportRow, now: Date = new Date()): ImportRow | RejectedRow {
  const problems: string[] = [];
  const values = raw.values;
  const unknown = Object.keys(values).filter((key) => !(IMPORT_COLUMNS as readonly string[]).includes(key));
  if (unknown.length > 0) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);

  const personIdText = text(values.personId);
  const email = text(values.email);
  let personId: string | undefined;
  if (personIdText !== undefined) {
    if (!isUUID(personIdText)) problems.push('personId must be a UUID');
    else personId = personIdText.toLowerCase();
  }
  if (email !== undefined) {
    if (!isEmail(email)) problems.push('email is not an email address');
    else if (personId === undefined && personIdText === undefined) personId = personIdForEmail(email);
    else if (personId !== undefined && personId !== personIdForEmail(email)) problems.push('personId does not belong to this email');
  }
  if (personIdText === undefined && email === undefined) problems.push('personId or email is required');

  const courseKey = text(values.courseKey);
  if (courseKey === undefined) problems.push('courseKey is required');
  else if (!KEY.test(courseKey)) problems.push('courseKey must be a lower-case key of letters, digits and dashes');

  const moduleKey = text(values.moduleKey);
  if (moduleKey !== undefined && !KEY.test(moduleKey)) problems.push('moduleKey must be a lower-case key of letters, digits and dashes');

  const country = text(values.country);
  if (country !== undefined && !(/^[A-Z]{2}$/.test(country) && isISO31661Alpha2(country))) {
    problems.push('country must be an ISO 3166-1 alpha-2 code in capitals, such as SI');
  }

  const timestamp = (name: 'enrolledAt' | 'completedAt'): Date | null => {
    const value = text(values[name]);
    if (value === undefined) return null;
    if (!isISO8601(value, { strict: true })) {
      problems.push(`${name} must be an ISO 8601 date or timestamp`);
      return null;
    }
    const date = new Date(value);
    if (date.getTime() > now.getTime() + 60_000) problems.push(`${name} is in the future`);
    return date;
  };
  const enrolledAt = timestamp('enrolledAt');
  const completedAt = timestamp('completedAt');
  if (moduleKey === undefined && completedAt !== null) problems.push('completedAt needs a moduleKey');
  if (enrolledAt && completedAt && completedAt < enrolledAt) problems.push('completedAt is before enrolledAt');

  let score: number | null = null;
  const scoreText = text(values.score);
  if (scoreText !== undefined) {
    const parsed = Number(scoreText);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 100) problems.push('score must be a whole number from 0 to 100');
    else score = parsed;
    if (moduleKey === undefined) problems.push('score needs a moduleKey');
  }

  if (problems.length > 0) return { line: raw.line, reason: `${capitalise(problems.join('; '))}.` };
  return { line: raw.line, personId: personId!, courseKey: courseKey!, country: country ?? null, enrolledAt, moduleKey: moduleKey ?? null, completedAt, score };
}

export function isRejected(row: ImportRow | RejectedRow): row is RejectedRow {
  return 'reason' in row;
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** CSV records to raw rows: the first record is the header of column names. */
export function rowsFromCsv(records: Array<{ line: number; fields: string[] }>): { rows: RawImportRow[]; rejected: RejectedRow[] } {
  if (records.length === 0) return { rows: [], rejected: [{ line: 1, reason: 'The file is empty; it needs a header line and at least one row.' }] };
  const [header, ...body] = records;
  const columns = header.fields.map((name) => name.trim());
  const rows: RawImportRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const record of body) {
    if (record.fields.length !== columns.length) {
      rejected.push({ line: record.line, reason: `The row has ${record.fields.length} fields where the header has ${columns.length}.` });
      continue;
    }
    rows.push({ line: record.line, values: Object.fromEntries(columns.map((column, i) => [column, record.fields[i]])) });
  }
  return { rows, rejected };
}

/** NDJSON (one JSON object per line) to raw rows; blank lines are skipped. */
export function rowsFromNdjson(text: string): { rows: RawImportRow[]; rejected: RejectedRow[] } {
  const rows: RawImportRow[] = [];
  const rejected: RejectedRow[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (content.trim() === '') return;
    const line = index + 1;
    try {
      const value: unknown = JSON.parse(content);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) rejected.push({ line, reason: 'The line is not a JSON object.' });
      else rows.push({ line, values: value as Record<string, unknown> });
    } catch {
      rejected.push({ line, reason: 'The line is not valid JSON.' });
    }
  });
  return { rows, rejected };
}
