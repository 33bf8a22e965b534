import { assertScheduleRules, localDate } from '../activity-rules';
import type { ScheduleActivityDto } from '../dto/schedule-activity.dto';

const festival = (overrides: Partial<ScheduleActivityDto> = {}): ScheduleActivityDto => ({
  kind: 'festival',
  title: 'Festival',
  organiserId: '3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11',
  country: 'SI',
  timeZone: 'Europe/Ljubljana',
  startsAt: '2018-11-20T10:00:00+01:00',
  endsAt: '2018-11-21T00:00:00+01:00',
  programme: [{ kind: 'panel-discussion', title: 'Panel', startsAt: '2018-11-20T14:00:00+01:00' }],
  ...overrides,
});

describe('assertScheduleRules', () => {
  it('accepts a festival running until midnight, a day in its own time zone', () => {
    expect(() => assertScheduleRules(festival())).not.toThrow();
    // 23:30 UTC on the 19th is already the 20th in Ljubljana.
    expect(localDate(new Date('2018-11-19T23:30:00Z'), 'Europe/Ljubljana')).toBe('2018-11-20');
  });

  it('refuses a festival over two days and a programme item outside it', () => {
    expect(() => assertScheduleRules(festival({ endsAt: '2018-11-21T01:00:00+01:00' }))).toThrow(/A festival lasts one day/);
    expect(() => assertScheduleRules(festival({ programme: [{ kind: 'film-screening', title: 'Late film', startsAt: '2018-11-20T09:00:00+01:00' }] }))).toThrow(
      /Programme item 1 \("Late film"\) lies outside/,
    );
  });

  it('names the first rule a kind breaks', () => {
    const workshop = { ...festival(), kind: 'workshop' as const, programme: undefined, endsAt: '2018-11-20T12:00:00+01:00' };
    expect(() => assertScheduleRules(workshop)).toThrow('A workshop needs moduleKey: the Academy module the workshop deepens.');
    expect(() => assertScheduleRules({ ...workshop, moduleKey: 'financing', lecturerIds: ['3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11'], city: 'Maribor' })).toThrow(/needs venue/);
    expect(() => assertScheduleRules({ ...workshop, kind: 'webinar', topic: 'x', joinLink: 'https://x.example.org', programme: [] })).toThrow('programme is only for festivals; a webinar cannot have it.');
    expect(() => assertScheduleRules({ ...workshop, endsAt: workshop.startsAt })).toThrow(/endsAt must be after startsAt/);
  });
});
