import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@socialmakers/service-kit';

/** The caller did not prove who they are (401): wrong credentials, a spent or revoked token. */
export class UnauthenticatedError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.UNAUTHORIZED;
}

/** The request is refused as it stands (400), for reasons beyond the shape of its fields. */
export class BadRequestError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.BAD_REQUEST;
}

/** The account is locked for a while (423 Locked). */
export class LockedError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.LOCKED;
}

/** A service behind the gateway failed or did not answer (502). */
export class BadGatewayError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.BAD_GATEWAY;
}

/** Too many requests from one client (429). */
export class TooManyRequestsError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;
}

/** The request body is larger than the gateway accepts (413). */
export class PayloadTooLargeError<Code extends string = string> extends DomainError<Code> {
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;
}
