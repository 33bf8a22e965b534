import type { ArgumentsHost } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLogger } from '@socialmakers/logging';
import { ProblemDetailsFilter } from '@socialmakers/service-kit';

const filter = new ProblemDetailsFilter(createLogger('http'));

/**
 * Answers a refusal of the proxy lane (413, 429, 502) with the platform's one problem-details filter,
 * although the request never entered Express or Nest: the filter gets the few response methods it
 * uses, so the body is the same as for any other error.
 */
export function answerWithProblem(request: IncomingMessage & { originalUrl?: string }, response: ServerResponse, error: unknown): void {
  request.originalUrl ??= request.url;
  const reply = {
    get headersSent() {
      return response.headersSent;
    },
    getHeader: (name: string) => response.getHeader(name),
    end: () => response.end(),
    status(code: number) {
      response.statusCode = code;
      return reply;
    },
    type(contentType: string) {
      response.setHeader('content-type', contentType);
      return reply;
    },
    json(body: unknown) {
      response.end(JSON.stringify(body));
      return reply;
    },
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  filter.catch(error, host);
}
