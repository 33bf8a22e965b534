import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { definitionOf, EventType, PayloadOf } from './event-catalogue';

export interface PayloadProblem {
  field: string;
  message: string;
}

function flatten(errors: ValidationError[], prefix = ''): PayloadProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Checks data against its event type's payload class. Unknown extra fields are dropped rather than
 * refused, so a producer can add an optional field to a v1 contract without breaking consumers.
 */
export function validatePayload<T extends EventType>(
  type: T,
  data: unknown,
): { ok: true; payload: PayloadOf<T> } | { ok: false; problems: PayloadProblem[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [{ field: '(data)', message: 'event data must be a JSON object' }] };
  }
  const payload = plainToInstance(definitionOf(type).payload, data) as PayloadOf<T>;
  const errors = validateSync(payload, { whitelist: true, forbidUnknownValues: true });
  if (errors.length === 0) return { ok: true, payload };
  // Two constraints can fail with the same sentence (a country code checked twice); say it once.
  const unique = new Map(flatten(errors).map((problem) => [`${problem.field}\u0000${problem.message}`, problem]));
  return { ok: false, problems: [...unique.values()] };
}
