import { HttpStatus } from '@nestjs/common';

/**
 * An expected failure of the domain (a full workshop, an unknown enrolment), thrown by services
 * and turned into a problem response by ProblemDetailsFilter.
 *
 * - `code` is stable and machine-readable: declare them per feature as a const object, e.g.
 *   `export const EnrolmentErrorCode = { WorkshopFull: 'WORKSHOP_FULL' } as const`.
 * - `message` is a sentence the person can act on; it is shown to them as the `detail`.
 * - `extensions` are extra members of the problem body (never internals).
 */
export abstract class DomainError<Code extends string = string> extends Error {
  abstract readonly status: HttpStatus;

  constructor(
    readonly code: Code,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing the request is about does not exist (404). */
export class NotFoundError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.NOT_FOUND;
}

/** The request contradicts the current state (409), e.g. an enrolment that already exists. */
export class ConflictError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.CONFLICT;
}

/** The request is well-formed but breaks a business rule (422), e.g. a workshop in the past. */
export class UnprocessableError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
}

/** A dependency the service needs is down (503); used by the health check. */
export class ServiceUnavailableError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.SERVICE_UNAVAILABLE;
}
