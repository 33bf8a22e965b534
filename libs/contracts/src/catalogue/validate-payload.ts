import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { definitionOf, EventType, PayloadOf } from './event-catalogue';
import { compileFastPath, NOT_FAST, type FastPath } from './payload-fast-path';

export interface PayloadProblem {
  field: string;
  message: string;
}

/**
 * `asGiven`: the payload holds every property of the data, none dropped as unknown, so that the data's
 * JSON, as it came, serialises it (a consumer may store those bytes instead of serialising it again).
 */
export type PayloadVerdict<T extends EventType> = { ok: true; payload: PayloadOf<T>; asGiven: boolean } | { ok: false; problems: PayloadProblem[] };

function flatten(errors: ValidationError[], prefix = ''): PayloadProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function isJsonObject(data: unknown): data is object {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

const NOT_AN_OBJECT: PayloadProblem = { field: '(data)', message: 'event data must be a JSON object' };

/**
 * The reference check: class-transformer then class-validator. validatePayload falls back to it for
 * everything its fast path does not accept, so every problem reported comes from here.
 */
export function validatePayloadWithClassValidator<T extends EventType>(type: T, data: unknown): PayloadVerdict<T> {
  if (!isJsonObject(data)) return { ok: false, problems: [{ ...NOT_AN_OBJECT }] };
  const payload = plainToInstance(definitionOf(type).payload, data) as PayloadOf<T>;
  const errors = validateSync(payload, { whitelist: true, forbidUnknownValues: true });
  // Not known to be as given: class-transformer and the whitelist may have changed or dropped properties.
  if (errors.length === 0) return { ok: true, payload, asGiven: false };
  // Two constraints can fail with the same sentence (a country code checked twice); say it once.
  const unique = new Map(flatten(errors).map((problem) => [`${problem.field}\u0000${problem.message}`, problem]));
  return { ok: false, problems: [...unique.values()] };
}

// Compiled on a type's first event, or the reason its decorators cannot be mirrored.
const fastPaths = new Map<EventType, FastPath | { unsupported: string }>();

function fastPathOf(type: EventType): FastPath | { unsupported: string } {
  let fastPath = fastPaths.get(type);
  if (fastPath === undefined) {
    fastPath = compileFastPath(definitionOf(type).payload);
    fastPaths.set(type, fastPath);
  }
  return fastPath;
}

/** Why an event type always takes the class-validator path, or undefined when it has a fast path. */
export function whyNoFastPath(type: EventType): string | undefined {
  const fastPath = fastPathOf(type);
  return 'unsupported' in fastPath ? fastPath.unsupported : undefined;
}

/**
 * Checks data against its event type's payload class. Unknown extra fields are dropped rather than
 * refused, so a producer can add an optional field to a v1 contract without breaking consumers.
 *
 * Every consumed event passes here, and class-transformer plus class-validator cost 16-27 µs an event,
 * too much for a replay of a million events. So valid data is first checked by an ajv validator compiled
 * from the same decorators, which accepts only what class-validator accepts and builds the same instance;
 * whatever it does not accept takes the class-validator path, so verdicts and problems stay its own.
 */
export function validatePayload<T extends EventType>(type: T, data: unknown): PayloadVerdict<T> {
  if (!isJsonObject(data)) return { ok: false, problems: [{ ...NOT_AN_OBJECT }] };
  const fastPath = fastPathOf(type);
  const accepted = 'check' in fastPath ? fastPath.check(data) : NOT_FAST;
  if (accepted !== NOT_FAST) return { ok: true, payload: accepted.payload as PayloadOf<T>, asGiven: accepted.asGiven };
  return validatePayloadWithClassValidator(type, data);
}
