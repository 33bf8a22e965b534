import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '@socialmakers/logging';
import { REQUEST_ID_HEADER, BadGatewayError } from '@socialmakers/service-kit';
import { GATEWAY_SETTINGS, type GatewaySettings, type RoutedService } from '../config/gateway-settings';

export interface ServiceAnswer<T = unknown> {
  status: number;
  body: T;
}

const TIMEOUT_MS = 10_000;

/**
 * The gateway's own calls to the services (exports, erasure, the operations overview), through their
 * public HTTP APIs and never their databases, carrying the caller's token and the request id.
 */
@Injectable()
export class ServiceClient {
  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {}

  urlOf(service: RoutedService): string {
    return this.settings.serviceUrls[service];
  }

  /** Any answer the service gives; a service that does not answer at all is a 502 for the caller. */
  async call<T = unknown>(service: RoutedService, method: string, path: string, authorization?: string, timeoutMs = TIMEOUT_MS): Promise<ServiceAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authorization) headers.authorization = authorization;
    const requestId = RequestContext.requestId();
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    let response: Response;
    try {
      response = await fetch(`${this.urlOf(service)}${path}`, { method, headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new BadGatewayError('SERVICE_UNAVAILABLE', `The ${service} service did not answer (${(error as Error).message}); try again in a moment.`, { service });
    }
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, body: (json && text ? JSON.parse(text) : text) as T };
  }

  /** The body of a 2xx answer, or undefined for a 404 when `missingIsEmpty`; anything else is a 502 naming the service. */
  async read<T>(service: RoutedService, path: string, authorization: string, missingIsEmpty = false): Promise<T | undefined> {
    const answer = await this.call<T>(service, 'GET', path, authorization);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    if (answer.status === 404 && missingIsEmpty) return undefined;
    throw unexpected(service, 'GET', path, answer);
  }
}

export function unexpected(service: string, method: string, path: string, answer: ServiceAnswer): BadGatewayError {
  const detail = typeof answer.body === 'object' && answer.body !== null ? (answer.body as { detail?: unknown }).detail : undefined;
  return new BadGatewayError(
    'SERVICE_FAILED',
    `The ${service} service answered ${answer.status} to ${method} ${path.split('?')[0]}${typeof detail === 'string' ? ` (${detail})` : ''}; try again later.`,
    { service, serviceStatus: answer.status },
  );
}
