import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from './flatten-validation-errors';
import { ValidationFailedException } from './validation-failed.exception';

/**
 * The platform's ValidationPipe: unknown fields are refused (not silently dropped) so a client's
 * typo surfaces at once, and payloads are transformed into their DTO classes.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Rejected values never travel back in the response or into logs.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}
