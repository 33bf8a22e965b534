import { ArgumentsHost, Catch, INestApplication, INestMicroservice, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { InboxTransport } from './inbox-transport';

/**
 * Hands a handler's error back to the consumer runner unchanged, so retries and the dead-letter
 * headers see the real exception class and message (Nest's default turns every error into a generic
 * "Internal server error" object).
 */
@Catch()
class PassEventErrorsToRunner implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Connects the service's @OnEvent handlers as a hybrid-app microservice. It does not inherit the
 * HTTP app's global pipes and filters on purpose: events were validated against the catalogue by the
 * runner (which drops unknown fields rather than refusing them, so a v1 contract can grow an optional
 * field), and HTTP error shapes mean nothing to a consumer.
 */
export function connectInbox(app: INestApplication): INestMicroservice {
  const microservice = app.connectMicroservice({ strategy: app.get(InboxTransport) });
  microservice.useGlobalFilters(new PassEventErrorsToRunner());
  return microservice;
}
