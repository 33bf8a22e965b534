import { isEmail, isISO31661Alpha2 } from 'class-validator';
import { personIdForEmail, StakeholderRole } from '@socialmakers/contracts';
import { BadRequestError } from '../common/bad-request.error';
import type { AttendanceEntry } from '../attendance/attendance';
import { parseCsv } from '@socialmakers/csv';

export const SHEET_COLUMNS = ['name', 'email', 'organisation', 'country', 'role'] as const;
type SheetColumn = (typeof SHEET_COLUMNS)[number];

const COLUMN_ALIASES: Record<string, SheetColumn> = { organization: 'organisation', 'e-mail': 'email', mail: 'email' };

const ROLE_ALIASES: Record<string, StakeholderRole> = {
  partner: StakeholderRole.Partner,
  'partner organisation': StakeholderRole.Partner,
  'partner organization': StakeholderRole.Partner,
  'policy maker': StakeholderRole.Policymaker,
  'policy-maker': StakeholderRole.Policymaker,
};
const ROLES = new Set<string>(Object.values(StakeholderRole));

export const SheetErrorCode = { ColumnMissing: 'SIGN_IN_SHEET_COLUMN_MISSING', Empty: 'SIGN_IN_SHEET_EMPTY', TooLarge: 'SIGN_IN_SHEET_TOO_LARGE' } as const;

export const MAX_SHEET_ROWS = 20_000;

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ReadSheet {
  rows: number;
  entries: Array<AttendanceEntry & { line: number }>;
  rejected: RejectedRow[];
  duplicates: Array<{ line: number; sameAs: number }>;
}

/**
 * Reads a paper sign-in sheet typed into CSV (columns name, email, organisation, country, role, in
 * any order). A person is who their email says (personIdForEmail), so the same person is the same
 * node in the network whichever sheet or service they came through. Rows that cannot be read are
 * reported by line with the reason, and the others are kept; a missing column refuses the whole sheet.
 */
export function readSignInSheet(text: string): ReadSheet {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new BadRequestError(SheetErrorCode.Empty, `The sign-in sheet is empty; its first line must name the columns ${SHEET_COLUMNS.join(', ')}.`);
  const names = header.fields.map((name) => {
    const normal = name.trim().toLowerCase();
    return COLUMN_ALIASES[normal] ?? normal;
  });
  const missing = SHEET_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new BadRequestError(
      SheetErrorCode.ColumnMissing,
      `The sign-in sheet has no column ${missing.map((m) => `"${m}"`).join(', ')}; its first line must name the columns ${SHEET_COLUMNS.join(', ')}. Nothing was imported.`,
      { missingColumns: missing },
    );
  }
  if (records.length > MAX_SHEET_ROWS) {
    throw new BadRequestError(SheetErrorCode.TooLarge, `The sign-in sheet has ${records.length} rows; send at most ${MAX_SHEET_ROWS} at a time.`);
  }
  const index = Object.fromEntries(SHEET_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<SheetColumn, number>;
  const sheet: ReadSheet = { rows: 0, entries: [], rejected: [], duplicates: [] };
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    sheet.rows += 1;
    if (record.fields.length < header.fields.length) {
      sheet.rejected.push({ line: record.line, reason: `it has ${record.fields.length} fields where the header names ${header.fields.length}` });
      continue;
    }
    const value = (column: SheetColumn) => record.fields[index[column]].trim();
    const row = readRow(value);
    if (typeof row === 'string') {
      sheet.rejected.push({ line: record.line, reason: row });
      continue;
    }
    const first = seen.get(row.personId);
    if (first !== undefined) {
      sheet.duplicates.push({ line: record.line, sameAs: first });
      continue;
    }
    seen.set(row.personId, record.line);
    sheet.entries.push({ ...row, line: record.line });
  }
  return sheet;
}

/** One row as an attendance entry, or the reason it cannot be one. */
function readRow(value: (column: SheetColumn) => string): AttendanceEntry | string {
  const email = value('email');
  if (email === '') return 'the email is missing: a participant is identified by their email';
  if (!isEmail(email)) return `"${email}" is not an email address`;
  const country = value('country').toUpperCase();
  if (country !== '' && !(/^[A-Z]{2}$/.test(country) && isISO31661Alpha2(country))) {
    return `"${value('country')}" is not an ISO 3166-1 alpha-2 country code such as SI`;
  }
  const roleText = value('role').toLowerCase();
  const role = roleText === '' ? undefined : (ROLE_ALIASES[roleText] ?? (ROLES.has(roleText) ? (roleText as StakeholderRole) : null));
  if (role === null) return `"${value('role')}" is not a role; use one of ${[...ROLES].join(', ')}`;
  const name = value('name');
  const organisation = value('organisation');
  return {
    personId: personIdForEmail(email),
    source: 'sign-in-sheet',
    ...(name ? { name: name.slice(0, 300) } : {}),
    ...(organisation ? { organisation: organisation.slice(0, 300) } : {}),
    ...(country ? { personCountry: country } : {}),
    ...(role ? { role } : {}),
  };
}
