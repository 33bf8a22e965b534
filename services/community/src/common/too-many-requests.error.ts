import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@socialmakers/service-kit';

/** A per-person rate limit was reached (429); the sentence says when to try again. */
export class TooManyRequestsError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;
}
