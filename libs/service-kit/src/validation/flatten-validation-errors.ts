import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/problem-details';

/**
 * Turns class-validator's tree into a flat list, one entry per broken rule, with nested fields
 * and array items as dotted paths (`sessions.0.startsAt`) a client can map back to its form.
 */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
