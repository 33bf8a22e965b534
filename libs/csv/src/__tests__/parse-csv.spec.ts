import { parseCsv } from '../parse-csv';

describe('parseCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, and keeps each record\'s first line', () => {
    const records = parseCsv('name,note\r\n"Novak, Ana","said ""hi""\nthen left"\r\nMarko,plain\n');
    expect(records).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Novak, Ana', 'said "hi"\nthen left'] },
      { line: 4, fields: ['Marko', 'plain'] },
    ]);
  });

  it('skips blank lines but counts them, strips a byte-order mark, and reads a semicolon sheet from Excel', () => {
    expect(parseCsv('\ufeffname;email\n\nAna;ana@example.org')).toEqual([
      { line: 1, fields: ['name', 'email'] },
      { line: 3, fields: ['Ana', 'ana@example.org'] },
    ]);
  });

  it('keeps empty fields, also a last empty one', () => {
    expect(parseCsv('a,b,c\n1,,\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', ''] },
    ]);
  });
});
