import ICAL from 'ical.js';
import { escapeText, foldLine, renderCalendar, utc } from '../icalendar';

describe('iCalendar rendering', () => {
  it('escapes text as RFC 5545 says', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'ž'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    expect(folded.every((part) => Buffer.byteLength(part) <= 75)).toBe(true);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('writes UTC times and a stream ical.js reads back', () => {
    expect(utc(new Date('2018-10-12T07:00:00.000Z'))).toBe('20181012T070000Z');
    const text = renderCalendar('Test', [
      {
        uid: 'a@test',
        summary: 'Workshop, with; symbols',
        startsAt: new Date('2018-10-12T07:00:00Z'),
        endsAt: new Date('2018-10-12T11:00:00Z'),
        status: 'CONFIRMED',
        description: 'line one\nline two',
        categories: ['Field workshop', 'SI'],
        lastModified: new Date('2018-10-01T00:00:00Z'),
      },
    ]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Workshop, with; symbols');
    expect(event.description).toBe('line one\nline two');
    expect(event.endDate.toJSDate().toISOString()).toBe('2018-10-12T11:00:00.000Z');
  });
});
