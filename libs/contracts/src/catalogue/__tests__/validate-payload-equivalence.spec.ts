import { isDeepStrictEqual } from 'node:util';
import { definitionOf, EventCatalogue, type EventType } from '../event-catalogue';
import { compileFastPath, NOT_FAST } from '../payload-fast-path';
import { validatePayload, validatePayloadWithClassValidator, whyNoFastPath } from '../validate-payload';
import { PAYLOAD_SAMPLES } from './payload-samples';

const TYPES = Object.keys(EventCatalogue) as EventType[];

type Path = Array<string | number>;
const REMOVE = Symbol('remove');

/** Values every field (nested ones too) is set to in turn: wrong types, boundaries, near misses of each format. */
const REPLACEMENTS: unknown[] = [
  null,
  undefined,
  '',
  ' ',
  '\uFE0F',
  'a\uFE0F'.repeat(1001), // 2,002 code points, 1,001 characters for validator.js' isLength
  'x',
  'SI',
  'si',
  'XX',
  'UK',
  'GB',
  'Slovenia',
  'not-a-uuid',
  '6f1c2b9e-4d3a-4b8e-9f21-0a7c5d3e8b14',
  '6F1C2B9E-4D3A-4B8E-9F21-0A7C5D3E8B14',
  '6f1c2b9e-4d3a-0b8e-9f21-0a7c5d3e8b14', // version 0: not a UUID for validator.js
  '6f1c2b9e4d3a4b8e9f210a7c5d3e8b14',
  '00000000-0000-0000-0000-000000000000',
  '2026-03-14T09:30:00.000Z',
  '2026-03-14T09:30:00+02:00',
  '2026-03-14T09:30:00',
  '2018-01-01',
  '2018-02-30T10:00:00Z',
  '2018-02-30',
  '14 March 2026',
  'Europe/Ljubljana',
  'UTC',
  'Mars/Olympus',
  'financing',
  'Financing',
  'financing-',
  'a-b-c',
  'SIA-2026-7KQ4',
  'sia-2026',
  'ABC',
  'workshop',
  'festival',
  'innovator',
  'partner-organisation',
  'check-in',
  'confirmed',
  'waitlisted',
  'introduction',
  'a'.repeat(200),
  'a'.repeat(201),
  'a'.repeat(300),
  'a'.repeat(301),
  'a'.repeat(1000),
  'a'.repeat(1001),
  'a'.repeat(2000),
  'a'.repeat(2001),
  '😀'.repeat(2000), // surrogate pairs count once in both libraries
  0,
  -0,
  -1,
  1,
  2,
  0.5,
  1.5,
  99.5,
  100,
  101,
  2 ** 53,
  1e21,
  NaN,
  Infinity,
  -Infinity,
  true,
  false,
  'true',
  '1',
  [],
  ['x'],
  ['6f1c2b9e-4d3a-4b8e-9f21-0a7c5d3e8b14'],
  [42],
  [null],
  [{}],
  {},
  { en: 'x' },
  { en: '' },
  [{ en: 'x' }],
  new String('x'),
  new Set(['6f1c2b9e-4d3a-4b8e-9f21-0a7c5d3e8b14']),
  new Date('2026-03-14T09:30:00.000Z'),
];

/** Unknown properties added to every object of the data: all must be stripped, or handled as class-transformer does. */
const EXTRAS: Array<[string, () => unknown]> = [
  ['extra', () => 'yes'],
  ['extra', () => ({ nested: { deeper: [1, { any: true }] } })],
  ['extra', () => [{ any: 1 }, 'two', null]],
  // class-transformer instantiates an untyped object's `constructor`: it throws on this one, today.
  ['extra', () => ({ constructor: 'not a class' })],
  ['extra', () => ({ then: 'not a promise' })],
  ['constructor', () => 'x'],
  ['toString', () => ({ any: 1 })],
  ['__proto__', () => ({ polluted: true })],
];

/** The samples hold JSON values only; JSON.parse makes objects of this realm, as the consumer's does. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, step) => (value as Record<string | number, unknown>)[step], root);
}

function withValueAt(sample: object, path: Path, replacement: unknown): object {
  const data = clone(sample);
  const parent = at(data, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement !== REMOVE) parent[last] = replacement;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return data;
}

function withExtraAt(sample: object, path: Path, key: string, value: unknown): object {
  const data = clone(sample);
  const target = at(data, path) as object;
  // An own enumerable "__proto__" key, as JSON.parse makes one, rather than a prototype change.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return data;
}

function mutationsOf(type: EventType): Array<[string, unknown]> {
  const sample = PAYLOAD_SAMPLES[type];
  const mutations: Array<[string, unknown]> = [['the sample', clone(sample)]];
  const paths = pathsOf(sample);
  for (const path of paths) {
    const name = path.join('.');
    mutations.push([`${name} removed`, withValueAt(sample, path, REMOVE)]);
    REPLACEMENTS.forEach((replacement, index) => mutations.push([`${name} = replacement #${index}`, withValueAt(sample, path, replacement)]));
  }
  const objectPaths = [[], ...paths.filter((path) => { const value = at(sample, path); return typeof value === 'object' && value !== null && !Array.isArray(value); })];
  for (const path of objectPaths) {
    for (const [key, value] of EXTRAS) mutations.push([`${[...path, key].join('.')} added`, withExtraAt(sample, path, key, value())]);
  }
  const arrayPaths = paths.filter((path) => Array.isArray(at(sample, path)));
  for (const path of arrayPaths) {
    const items = at(sample, path) as unknown[];
    const name = path.join('.');
    mutations.push([`${name} emptied`, withValueAt(sample, path, [])]);
    mutations.push([`${name} with 21 items`, withValueAt(sample, path, Array.from({ length: 21 }, () => clone(items[0] ?? 'x')))]);
    mutations.push([`${name} with 51 items`, withValueAt(sample, path, Array.from({ length: 51 }, () => clone(items[0] ?? 'x')))]);
    mutations.push([`${name} with a hole`, withValueAt(sample, path, [, ...clone(items)])]);
    mutations.push([`${name} as a Set`, withValueAt(sample, path, new Set(clone(items)))]);
  }
  mutations.push(['without a prototype', Object.assign(Object.create(null), clone(sample))]);
  mutations.push(['as an instance of the payload class', Object.assign(new (definitionOf(type).payload)(), clone(sample))]);
  mutations.push(['as a Map', new Map(Object.entries(clone(sample)))]);
  mutations.push(['through JSON', JSON.parse(JSON.stringify(sample))]);
  return mutations;
}

type Outcome = { threw: string } | { ok: true; payload: unknown } | { ok: false; problems: unknown };

function outcome(run: () => Outcome): Outcome {
  try {
    return run();
  } catch (error) {
    return { threw: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** Prototypes and own keys in their order, all the way down: what isDeepStrictEqual does not compare. */
function anatomy(value: unknown): unknown {
  if (Array.isArray(value)) return { array: value.map(anatomy) };
  if (typeof value === 'object' && value !== null) {
    return { prototype: Object.getPrototypeOf(value), keys: Reflect.ownKeys(value), values: Object.values(value).map(anatomy) };
  }
  return Object.is(value, -0) ? '-0' : value;
}

function objectsIn(value: unknown, found = new Set<unknown>()): Set<unknown> {
  if (typeof value === 'object' && value !== null && !found.has(value)) {
    found.add(value);
    for (const item of value instanceof Set ? [...value] : Object.values(value)) objectsIn(item, found);
  }
  return found;
}

function difference(data: unknown, expected: Outcome, actual: Outcome): string | undefined {
  if ('threw' in expected || 'threw' in actual) return isDeepStrictEqual(expected, actual) ? undefined : 'one threw';
  if (expected.ok !== actual.ok) return `ok ${String(expected.ok)} became ${String(actual.ok)}`;
  if (!expected.ok || !actual.ok) return isDeepStrictEqual(expected, actual) ? undefined : 'other problems';
  if (!isDeepStrictEqual(actual.payload, expected.payload)) return 'other payload';
  if (!isDeepStrictEqual(anatomy(actual.payload), anatomy(expected.payload))) return 'other prototypes or key order';
  const input = objectsIn(data);
  if ([...objectsIn(actual.payload)].some((object) => input.has(object))) return 'the payload shares an object with the data';
  return undefined;
}

describe('validatePayload with its fast path', () => {
  it('has a fast path for every event type of the catalogue (none falls back to class-validator wholesale)', () => {
    expect(TYPES.map((type) => [type, whyNoFastPath(type)])).toEqual(TYPES.map((type) => [type, undefined]));
  });

  it.each(TYPES)('accepts the valid sample of %s on the fast path', (type) => {
    const fastPath = compileFastPath(definitionOf(type).payload);

    expect('check' in fastPath && fastPath.check(clone(PAYLOAD_SAMPLES[type]))).not.toBe(NOT_FAST);
    expect(validatePayloadWithClassValidator(type, clone(PAYLOAD_SAMPLES[type])).ok).toBe(true);
  });

  it.each(TYPES)('gives the verdict, payload and problems of class-transformer plus class-validator for every mutation of %s', (type) => {
    const fastPath = compileFastPath(definitionOf(type).payload);
    const mismatches: string[] = [];
    let acceptedFast = 0;
    let refused = 0;
    for (const [name, data] of mutationsOf(type)) {
      const expected = outcome(() => validatePayloadWithClassValidator(type, data));
      const actual = outcome(() => validatePayload(type, data));
      const problem = difference(data, expected, actual);
      if (problem) mismatches.push(`${name}: ${problem}`);
      if ('check' in fastPath && fastPath.check(data as object) !== NOT_FAST) acceptedFast += 1;
      if ('ok' in expected && !expected.ok) refused += 1;
    }

    expect(mismatches).toEqual([]);
    // The comparison means something only when both paths were exercised.
    expect(acceptedFast).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });

  it('judges timestamps as validator.js does, leap days and impossible dates included', () => {
    const type = 'org.socialmakers.learning.module.completed.v1';
    const days = ['00', '01', '28', '29', '30', '31', '32'];
    const months = ['00', '01', '02', '04', '06', '09', '11', '12', '13'];
    const times = ['', 'T00:00:00Z', 'T23:59:59.999Z', 'T24:00:00Z', 'T12:60:00Z', 'T12:00:60Z', 'T12:00:00.123456789Z', 'T12:00:00+01:00', 'T12:00:00z', ' 12:00:00Z', 'T12:00Z'];
    const mismatches: string[] = [];
    let acceptedFast = 0;
    const fastPath = compileFastPath(definitionOf(type).payload);
    for (const year of ['0000', '1900', '2000', '2023', '2024', '2100', '9999']) {
      for (const month of months) {
        for (const day of days) {
          for (const time of times) {
            const data = { ...PAYLOAD_SAMPLES[type], completedAt: `${year}-${month}-${day}${time}` };
            const problem = difference(data, outcome(() => validatePayloadWithClassValidator(type, data)), outcome(() => validatePayload(type, data)));
            if (problem) mismatches.push(`${data.completedAt}: ${problem}`);
            if ('check' in fastPath && fastPath.check(data) !== NOT_FAST) acceptedFast += 1;
          }
        }
      }
    }

    expect(mismatches).toEqual([]);
    expect(acceptedFast).toBeGreaterThan(100);
  });

  it('still throws where class-transformer throws: an unknown object with its own "constructor" key', () => {
    const type = 'org.socialmakers.learning.module.completed.v1';
    const data = { ...PAYLOAD_SAMPLES[type], extra: { constructor: 'not a class' } };

    expect(() => validatePayloadWithClassValidator(type, data)).toThrow(TypeError);
    expect(() => validatePayload(type, data)).toThrow(TypeError);
  });
});
