import { ArgumentsHost, Catch, INestApplication, INestMicroservice, RpcExceptionFilter } from '@nestjs/common';
import type { CustomTransportStrategy, MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
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
  return connectEventHandlers(app, app.get(InboxTransport));
}

/**
 * A hybrid microservice whose handlers throw their own errors. Nest binds a handler's exception
 * filters when it registers the handler, and connectMicroservice registers them at once, so a global
 * filter added afterwards is never used (Nest only warns). Hence: connect deferred, add the filter,
 * then register as connectMicroservice itself would have.
 */
export function connectEventHandlers(app: INestApplication, strategy: CustomTransportStrategy): INestMicroservice {
  const microservice = app.connectMicroservice<MicroserviceOptions>({ strategy }, { deferInitialization: true }) as NestMicroservice;
  microservice.useGlobalFilters(new PassEventErrorsToRunner());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  return microservice;
}
