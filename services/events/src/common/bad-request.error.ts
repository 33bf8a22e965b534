import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@socialmakers/service-kit';

/** The request breaks a rule of the domain that the client can fix by itself (400), e.g. an end before the start. */
export class BadRequestError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.BAD_REQUEST;
}
