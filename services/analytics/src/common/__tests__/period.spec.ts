import { BadQueryError } from '../bad-query.error';
import { parsePeriod } from '../period';
import { parseCountries, parseEventTypes } from '../filters';

describe('parsePeriod', () => {
  it('is the default calendar year when nothing is asked', () => {
    const period = parsePeriod({}, 2018);
    expect(period.from.toISOString()).toBe('2018-01-01T00:00:00.000Z');
    expect(period.to.toISOString()).toBe('2019-01-01T00:00:00.000Z');
    expect(period.label).toEqual({ from: '2018-01-01', to: '2018-12-31' });
  });

  it('takes a year, or days with both ends included', () => {
    expect(parsePeriod({ year: '2019' }, 2018).label).toEqual({ from: '2019-01-01', to: '2019-12-31' });
    const days = parsePeriod({ from: '2018-09-10', to: '2019-01-31' }, 2026);
    expect(days.to.toISOString()).toBe('2019-02-01T00:00:00.000Z');
    expect(parsePeriod({ from: '2018-09-10' }, 2026).label.to).toBe('9999-12-31');
    expect(parsePeriod({ to: '2018-12-31' }, 2026).label.from).toBe('1970-01-01');
    expect(parsePeriod({ from: '2018-03-01', to: '2018-03-01' }, 2026).label).toEqual({ from: '2018-03-01', to: '2018-03-01' });
  });

  it.each([
    [{ from: '2018-12-31', to: '2018-01-01' }, 'The period ends (2018-01-01) before it starts (2018-12-31); give an end on or after the start.'],
    [{ from: '2018-02-30' }, 'from must be a date such as 2018-01-31; "2018-02-30" is not one.'],
    [{ to: 'yesterday' }, 'to must be a date such as 2018-01-31; "yesterday" is not one.'],
    [{ year: '18' }, 'year must be four digits such as 2018; "18" is not one.'],
    [{ year: '2018', from: '2018-01-01' }, 'Give either year or from/to, not both.'],
  ])('refuses %j with a sentence', (query, message) => {
    expect(() => parsePeriod(query, 2018)).toThrow(new BadQueryError('BAD_PERIOD', message));
    try {
      parsePeriod(query, 2018);
    } catch (error) {
      expect((error as BadQueryError).status).toBe(400);
    }
  });
});

describe('filters', () => {
  it('reads event types and countries, comma-separated or repeated', () => {
    expect(parseEventTypes('org.socialmakers.events.attendance.recorded.v1,org.socialmakers.learning.enrolment.created.v1')).toHaveLength(2);
    expect(parseEventTypes(undefined)).toEqual([]);
    expect(parseCountries(['SI', 'AT,HR'])).toEqual(['SI', 'AT', 'HR']);
  });

  it('refuses an unknown type or country naming it', () => {
    expect(() => parseEventTypes('org.socialmakers.learning.enrolment.created.v9')).toThrow(/^Unknown event type "org.socialmakers.learning.enrolment.created.v9"; the event catalogue has: /);
    expect(() => parseCountries('XX')).toThrow('Unknown country "XX"; give ISO 3166-1 alpha-2 codes in capitals, such as SI or AT.');
    expect(() => parseCountries('si')).toThrow(/Unknown country "si"/);
  });
});
