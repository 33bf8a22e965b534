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

/** The request is refused as it stands (400), for reasons beyond the shape of its fields. */
export class BadRequestError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.BAD_REQUEST;
}

/** The caller did not prove who they are (401): wrong credentials, a spent or revoked token. */
export class UnauthenticatedError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.UNAUTHORIZED;
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

/** The thing existed and is gone for good (410), e.g. the credential of an erased holder. */
export class GoneError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.GONE;
}

/** The request body is larger than the service accepts (413). */
export class PayloadTooLargeError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;
}

/** The resource is locked for a while (423), e.g. an account after repeated failed sign-ins. */
export class LockedError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.LOCKED;
}

/** Too many requests from one client or person (429). */
export class TooManyRequestsError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;
}

/** A service behind this one failed or did not answer (502). */
export class BadGatewayError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.BAD_GATEWAY;
}

/** A dependency the service needs is down (503); used by the health check. */
export class ServiceUnavailableError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.SERVICE_UNAVAILABLE;
}
