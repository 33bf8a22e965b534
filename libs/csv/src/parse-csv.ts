/** One record of a CSV file with the line it starts on (1-based; the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV as RFC 4180 describes it (quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF or LF), plus what spreadsheets in the partner countries produce: a byte-order mark, and a
 * semicolon as separator (Excel's choice where the comma is the decimal mark), detected from the header.
 * Each record keeps the line it starts on, so a rejected row can be named as the person sees it in
 * their spreadsheet. Used by every import (learning's learners, events' sign-in sheets).
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLineEnd = input.search(/\r?\n/);
  const header = firstLineEnd < 0 ? input : input.slice(0, firstLineEnd);
  const separator = header.includes(';') && !header.includes(',') ? ';' : ',';

  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;

  const endRecord = () => {
    fields.push(field);
    // A line with nothing on it is no record (a trailing newline, a blank line between rows).
    if (!(fields.length === 1 && fields[0].trim() === '' && !fieldStarted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < input.length; i += 1) {
    const char = input[i];
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (char === separator) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\r' && input[i + 1] === '\n') {
      continue;
    } else if (char === '\n' || char === '\r') {
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return records;
}
