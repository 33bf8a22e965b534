import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { createLogger, RequestContext, type Logger } from '@socialmakers/logging';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ValidationFailedException } from '../validation/validation-failed.exception';
import { REQUEST_ID_HEADER } from '../request-context/request-id';
import { DomainError } from './domain-error';
import { GENERIC_PROBLEM_TYPE, PROBLEM_CONTENT_TYPE, problemTypeFor, type ProblemDetails } from './problem-details';
import { isUniqueViolation } from './unique-violation';

const VALIDATION_FAILED = 'VALIDATION_FAILED';
const ALREADY_EXISTS = 'ALREADY_EXISTS';
const INTERNAL_ERROR_DETAIL =
  'Something went wrong on our side. Try again later; if it keeps happening, contact support and quote the request id.';

/** What the filter decides per kind of error; title, instance and requestId are added for all. */
interface ProblemBody {
  type: string;
  status: number;
  detail: string;
  code?: string;
  errors?: ProblemDetails['errors'];
  [extension: string]: unknown;
}

/**
 * Gives every failed HTTP request the same body: RFC 9457 problem details carrying the request
 * id. Expected failures keep their message; anything unexpected becomes a generic 500 and the real
 * error goes to the log only, since stack traces and SQL tell an attacker more than a user.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger = createLogger('http')) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    // Only HTTP is ours. Services connect their Kafka transport with inheritAppConfig, so this
    // filter sees consumer errors too: rethrowing hands them, unchanged, to the transport's own
    // retry and dead-letter handling instead of turning them into an HTTP-shaped reply.
    if (host.getType() !== 'http') throw exception;

    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.describe(exception, request);
    const requestId = RequestContext.requestId() ?? headerValue(response.getHeader(REQUEST_ID_HEADER));
    const standard = {
      type: body.type,
      title: STATUS_CODES[body.status] ?? 'Error',
      status: body.status,
      detail: body.detail,
      // The path only: a query string may carry things that do not belong in error reports.
      instance: request.originalUrl.split('?')[0],
      requestId,
    };
    // Standard members first and last: first to fix the order a reader sees, last so no
    // extension member can replace them.
    const problem: ProblemDetails = { ...standard, ...body, ...standard };

    if (response.headersSent) {
      // Part of a response is already out (a stream broke); all that is left is to stop it.
      response.end();
      return;
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).json(problem);
  }

  private describe(exception: unknown, request: Request): ProblemBody {
    if (exception instanceof ValidationFailedException) {
      return {
        type: problemTypeFor(VALIDATION_FAILED),
        status: HttpStatus.BAD_REQUEST,
        code: VALIDATION_FAILED,
        detail: exception.message,
        errors: exception.errors,
      };
    }
    if (exception instanceof DomainError) {
      return {
        ...exception.extensions,
        type: problemTypeFor(exception.code),
        status: exception.status,
        code: exception.code,
        detail: exception.message,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) this.logFailure(exception, request);
      return { type: GENERIC_PROBLEM_TYPE, status, detail: detailOf(exception) };
    }
    if (isUniqueViolation(exception)) {
      // The constraint name says which rule was hit; useful to us, meaningless to the caller.
      this.logger.warn(
        { constraint: exception.driverError.constraint, method: request.method, path: request.path },
        'write refused by a unique constraint',
      );
      return {
        type: problemTypeFor(ALREADY_EXISTS),
        status: HttpStatus.CONFLICT,
        code: ALREADY_EXISTS,
        detail: 'Something with the same details already exists; use the existing one or change the details.',
      };
    }
    if (isExposedClientError(exception)) {
      // Errors of Express's body parsers (a body over the size limit, an unknown charset) reach us
      // unwrapped; they follow the http-errors convention: a 4xx status and a message safe to show.
      // (Nest itself turns malformed JSON into a BadRequestException.)
      return { type: GENERIC_PROBLEM_TYPE, status: exception.status, detail: exception.message };
    }
    this.logFailure(exception, request);
    return { type: GENERIC_PROBLEM_TYPE, status: HttpStatus.INTERNAL_SERVER_ERROR, detail: INTERNAL_ERROR_DETAIL };
  }

  private logFailure(exception: unknown, request: Request): void {
    this.logger.error({ err: exception, method: request.method, path: request.path }, 'request failed');
  }
}

function detailOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}

function isExposedClientError(error: unknown): error is Error & { status: number } {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}

function headerValue(value: number | string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
