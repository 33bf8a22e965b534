import { personIdForEmail } from '@socialmakers/contracts';
import { checkImportRow, rowsFromCsv, rowsFromNdjson } from '../import-row';

const now = new Date('2026-01-01T00:00:00Z');
const PERSON = '3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11';

describe('checkImportRow', () => {
  it('accepts an enrolment and a completion, deriving the person id from an email', () => {
    expect(checkImportRow({ line: 2, values: { email: ' Ana@Example.org ', courseKey: 'academy', country: 'SI', enrolledAt: '2018-09-12' } }, now)).toEqual({
      line: 2,
      personId: personIdForEmail('ana@example.org'),
      courseKey: 'academy',
      country: 'SI',
      enrolledAt: new Date('2018-09-12'),
      moduleKey: null,
      completedAt: null,
      score: null,
    });
    expect(checkImportRow({ line: 3, values: { personId: PERSON, courseKey: 'academy', moduleKey: 'financing', completedAt: '2018-10-01T10:00:00Z', score: '75' } }, now)).toMatchObject({
      personId: PERSON,
      moduleKey: 'financing',
      score: 75,
    });
  });

  it('names everything wrong with a row in one sentence', () => {
    expect(checkImportRow({ line: 9, values: { personId: 'nope', courseKey: 'Bad Key', country: 'si', completedAt: '2030-01-01', score: '7.5', colour: 'red' } }, now)).toEqual({
      line: 9,
      reason:
        'Unknown column colour; personId must be a UUID; courseKey must be a lower-case key of letters, digits and dashes; country must be an ISO 3166-1 alpha-2 code in capitals, such as SI; completedAt is in the future; completedAt needs a moduleKey; score must be a whole number from 0 to 100; score needs a moduleKey.',
    });
    expect(checkImportRow({ line: 4, values: { courseKey: 'academy' } }, now)).toEqual({ line: 4, reason: 'PersonId or email is required.' });
    expect(checkImportRow({ line: 5, values: { personId: PERSON, email: 'someone@example.org', courseKey: 'academy' } }, now)).toEqual({
      line: 5,
      reason: 'PersonId does not belong to this email.',
    });
    expect(checkImportRow({ line: 6, values: { personId: PERSON, courseKey: 'academy', enrolledAt: '2018-10-02', moduleKey: 'x', completedAt: '2018-10-01' } }, now)).toEqual({
      line: 6,
      reason: 'CompletedAt is before enrolledAt.',
    });
  });
});

describe('rows from files', () => {
  it('CSV: maps header columns and refuses rows of the wrong width by line', () => {
    const { rows, rejected } = rowsFromCsv([
      { line: 1, fields: ['personId', 'courseKey'] },
      { line: 2, fields: [PERSON, 'academy'] },
      { line: 4, fields: ['only-one'] },
    ]);
    expect(rows).toEqual([{ line: 2, values: { personId: PERSON, courseKey: 'academy' } }]);
    expect(rejected).toEqual([{ line: 4, reason: 'The row has 1 fields where the header has 2.' }]);
    expect(rowsFromCsv([]).rejected[0].reason).toMatch(/empty/);
  });

  it('NDJSON: one object per line, blank lines skipped, bad lines named', () => {
    const { rows, rejected } = rowsFromNdjson(`{"personId":"${PERSON}","courseKey":"academy"}\n\n[1]\n{oops`);
    expect(rows).toEqual([{ line: 1, values: { personId: PERSON, courseKey: 'academy' } }]);
    expect(rejected).toEqual([
      { line: 3, reason: 'The line is not a JSON object.' },
      { line: 4, reason: 'The line is not valid JSON.' },
    ]);
  });
});
