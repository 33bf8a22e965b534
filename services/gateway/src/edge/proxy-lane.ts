import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER, resolveRequestId } from '@socialmakers/service-kit';
import { ROUTED_SERVICES, type RoutedService } from '../config/gateway-settings';
import { clientAddress } from './client-address';
import { answerWithProblem } from './edge-problem';
import type { LaneRequest, ServiceProxy } from './service-proxy';

type Next = (error?: unknown) => void;

/** The same middleware the rest of the gateway runs (Express-style; method syntax so Express's handlers fit). */
export interface ProxyLaneOptions {
  proxies: Record<RoutedService, ServiceProxy>;
  requestContext(request: LaneRequest, response: ServerResponse, next: Next): void;
  securityHeaders(request: LaneRequest, response: ServerResponse, next: Next): void;
  rateLimit(request: LaneRequest, response: ServerResponse, next: Next): void;
  trustProxyHops: number;
}

const ROUTED = new RegExp(`^/api/(${ROUTED_SERVICES.join('|')})(?=[/?]|$)`);

/**
 * Requests for a service take a lane of their own, beside Express and Nest: the request id, security
 * headers, the rate limit and the proxy, nothing else. Express's request set-up and router cost about
 * twice what forwarding does, so the lane is what keeps the gateway's share of a request small. Every
 * other request goes to Express as before.
 */
export function installProxyLane(server: Server, options: ProxyLaneOptions): void {
  const framework = server.listeners('request') as RequestListener[];
  if (framework.length !== 1) throw new Error(`expected the framework's one request listener, found ${framework.length}`);
  const [express] = framework;
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const match = ROUTED.exec(request.url ?? '');
    if (!match) return void express(request, response);
    const lane = request as LaneRequest;
    lane.originalUrl = lane.url;
    lane.ip = clientAddress(lane.headers, lane.socket.remoteAddress, options.trustProxyHops);
    lane.protocol = forwardedProtocol(lane, options.trustProxyHops);
    // One id for the gateway's log line, the service's and the answer, also when the caller sent none.
    lane.headers[REQUEST_ID_HEADER] = resolveRequestId(lane.headers[REQUEST_ID_HEADER]);
    const rest = lane.url!.slice(match[0].length);
    lane.url = rest.startsWith('/') ? rest : `/${rest}`;
    const refuse = (error: unknown) => answerWithProblem(lane, response, error);
    options.requestContext(lane, response, () =>
      options.securityHeaders(lane, response, (headersError) => {
        if (headersError) return refuse(headersError);
        options.rateLimit(lane, response, (limited) => {
          if (limited) return refuse(limited);
          options.proxies[match[1] as RoutedService](lane, response, refuse);
        });
      }),
    );
  });
}

function forwardedProtocol(request: IncomingMessage, trustedHops: number): string {
  const forwarded = request.headers['x-forwarded-proto'];
  return trustedHops > 0 && typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : 'http';
}
