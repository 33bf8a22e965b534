import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '../errors/problem-details';

/** A request body, query or params failed validation; `errors` names each field and its fault. */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super('The request has invalid fields; correct those listed in errors and send it again.');
  }
}
