import { CopyRows } from '../copy-rows';

describe('CopyRows (COPY text format)', () => {
  it('separates values with tabs, ends rows with newlines and writes null as \\N', () => {
    const rows = new CopyRows(4);
    rows.value(1).value('a').value(null).value(undefined).value(true).endRow();
    rows.value(2).value('b').value('').value(0).value(false).endRow();

    expect(rows.toBuffer().toString()).toBe('1\ta\t\\N\t\\N\ttrue\n2\tb\t\t0\tfalse\n');
    expect(rows.count).toBe(2);
  });

  it('escapes backslash, tab, newline and return in text and in bytes alike', () => {
    const text = 'a\\b\tc\nd\re';
    const rows = new CopyRows(1);
    rows.value(text).utf8(Buffer.from(text)).endRow();

    expect(rows.toBuffer().toString()).toBe('a\\\\b\\tc\\nd\\re\ta\\\\b\\tc\\nd\\re\n');
  });

  it('copies UTF-8 bytes as they are and encodes text as UTF-8, growing as it needs', () => {
    const json = JSON.stringify({ title: 'Družbene inovacije — ☕', quote: 'say "hi"' });
    const rows = new CopyRows(8);
    for (let i = 0; i < 100; i += 1) rows.value('Žiri').utf8(Buffer.from(json)).endRow();

    const lines = rows.toBuffer().toString('utf8').split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[99]).toBe(`Žiri\t${json.replace(/\\/g, '\\\\')}`);
    // COPY reads the value back with its backslashes halved.
    expect(JSON.parse(lines[0].split('\t')[1].replace(/\\\\/g, '\\'))).toEqual(JSON.parse(json));
  });
});
