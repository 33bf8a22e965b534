import { ModuleCompletedV1, ModuleCompletedV1Payload } from '../../events/learning/module-completed.v1';
import { CoursePublishedV1 } from '../../events/learning/course-published.v1';
import { validatePayload } from '../validate-payload';
import { PAYLOAD_SAMPLES } from './payload-samples';

const TYPE = ModuleCompletedV1.type;

function completion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    personId: '6f1c2b9e-4d3a-4b8e-9f21-0a7c5d3e8b14',
    courseKey: 'social-innovation-academy',
    moduleKey: 'financing',
    country: 'SI',
    score: 87,
    completedAt: '2026-03-14T09:30:00.000Z',
    ...overrides,
  };
}

function problemFields(data: unknown): string[] {
  const result = validatePayload(TYPE, data);
  return result.ok ? [] : result.problems.map((problem) => problem.field);
}

describe('validatePayload', () => {
  it('accepts a complete ModuleCompletedV1 payload and returns it as the payload class', () => {
    const result = validatePayload(TYPE, completion());

    expect(result.ok).toBe(true);
    expect(result.ok && result.payload).toBeInstanceOf(ModuleCompletedV1Payload);
    expect(result.ok && result.payload).toEqual(completion());
  });

  it('accepts a payload without the optional country and score', () => {
    const { country: _country, score: _score, ...required } = completion();

    expect(validatePayload(TYPE, required).ok).toBe(true);
  });

  it('refuses a personId that is not a UUID, naming the field', () => {
    const result = validatePayload(TYPE, completion({ personId: 'person-1' }));

    expect(result).toEqual({ ok: false, problems: [{ field: 'personId', message: 'personId must be a person id (a UUID)' }] });
  });

  it('refuses a country that is not an ISO 3166-1 alpha-2 code', () => {
    expect(problemFields(completion({ country: 'Slovenia' }))).toEqual(['country']);
    expect(problemFields(completion({ country: 'XX' }))).toEqual(['country']);
    expect(problemFields(completion({ country: 'UK' }))).toEqual(['country']);
    // Capitals only, so that analytics never counts "si" and "SI" as two countries.
    expect(problemFields(completion({ country: 'si' }))).toEqual(['country']);
  });

  it('refuses a moduleKey that is not a lower-case dashed key', () => {
    expect(problemFields(completion({ moduleKey: 'Financing Basics' }))).toEqual(['moduleKey']);
    expect(problemFields(completion({ moduleKey: 'financing-' }))).toEqual(['moduleKey']);
  });

  it('refuses a score above 100 and a score that is not a whole number', () => {
    expect(problemFields(completion({ score: 101 }))).toEqual(['score']);
    expect(problemFields(completion({ score: 99.5 }))).toEqual(['score']);
  });

  it('refuses a completedAt that is not an ISO 8601 timestamp', () => {
    expect(problemFields(completion({ completedAt: '14 March 2026' }))).toEqual(['completedAt']);
  });

  it('names every missing required field', () => {
    expect(new Set(problemFields({}))).toEqual(new Set(['personId', 'courseKey', 'moduleKey', 'completedAt']));
  });

  it.each([
    ['null', null],
    ['an array', [completion()]],
    ['a string', JSON.stringify(completion())],
    ['a number', 42],
  ])('refuses data that is %s rather than a JSON object', (_kind, data) => {
    expect(validatePayload(TYPE, data)).toEqual({
      ok: false,
      problems: [{ field: '(data)', message: 'event data must be a JSON object' }],
    });
  });

  it('strips unknown extra fields instead of refusing them', () => {
    const result = validatePayload(TYPE, completion({ addedInALaterRelease: 'yes', nested: { any: 1 } }));

    expect(result.ok).toBe(true);
    expect(result.ok && result.payload).toEqual(completion());
    expect(result.ok && Object.keys(result.payload)).not.toContain('addedInALaterRelease');
  });

  it('says whether the payload is the data as given (its JSON then serialises the payload)', () => {
    expect(validatePayload(TYPE, completion())).toMatchObject({ ok: true, asGiven: true });
    expect(validatePayload(TYPE, completion({ addedInALaterRelease: 'yes' }))).toMatchObject({ ok: true, asGiven: false });
  });

  it('is not as given when a nested object lost an unknown property', () => {
    const published = PAYLOAD_SAMPLES[CoursePublishedV1.type] as unknown as { modules: Array<Record<string, unknown>> };
    const withExtra = { ...published, modules: published.modules.map((m, i) => (i === 0 ? { ...m, addedLater: true } : m)) };

    expect(validatePayload(CoursePublishedV1.type, published)).toMatchObject({ ok: true, asGiven: true });
    const verdict = validatePayload(CoursePublishedV1.type, withExtra);
    expect(verdict).toMatchObject({ ok: true, asGiven: false });
    expect(verdict.ok && JSON.stringify(verdict.payload)).toBe(JSON.stringify(published));
  });
});
