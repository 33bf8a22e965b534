import { parseCsv } from '../parse-csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and keeps the line each record starts on', () => {
    const text = 'a,b,c\r\n1,"two, too","say ""hi"""\n\n"multi\nline",x,\n3,4,5';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, too', 'say "hi"'] },
      { line: 4, fields: ['multi\nline', 'x', ''] },
      { line: 6, fields: ['3', '4', '5'] },
    ]);
  });

  it('skips a byte-order mark and a final newline', () => {
    expect(parseCsv('\ufeffa,b\n1,2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(parseCsv('')).toEqual([]);
  });
});
