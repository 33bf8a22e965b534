import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

// Headers about one connection (RFC 9110 §7.6.1), never passed through a proxy; host is set for the hop.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

function connectionScoped(headers: IncomingHttpHeaders): Set<string> {
  const scoped = new Set(HOP_BY_HOP);
  const connection = headers.connection;
  if (typeof connection === 'string') for (const name of connection.split(',')) scoped.add(name.trim().toLowerCase());
  return scoped;
}

export interface ForwardingFacts {
  requestId: string;
  clientAddress: string | undefined;
  /** Host and scheme the client used, so a service can build links that point at the gateway. */
  host: string | undefined;
  protocol: string;
  targetHost: string;
}

/** The headers a service receives: the client's end-to-end headers (Authorization among them), the request id and X-Forwarded-*. */
export function forwardedRequestHeaders(incoming: IncomingHttpHeaders, facts: ForwardingFacts): OutgoingHttpHeaders {
  const scoped = connectionScoped(incoming);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !scoped.has(name) && name !== 'host') headers[name] = value;
  }
  headers.host = facts.targetHost;
  headers['x-request-id'] = facts.requestId;
  const before = incoming['x-forwarded-for'];
  const chain = [typeof before === 'string' ? before : before?.join(', '), facts.clientAddress].filter(Boolean).join(', ');
  if (chain) headers['x-forwarded-for'] = chain;
  if (facts.host) headers['x-forwarded-host'] = facts.host;
  headers['x-forwarded-proto'] = facts.protocol;
  return headers;
}

/** The service's response headers the client receives: all but the connection-scoped ones. */
export function returnedResponseHeaders(upstream: IncomingHttpHeaders): OutgoingHttpHeaders {
  const scoped = connectionScoped(upstream);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (value !== undefined && !scoped.has(name)) headers[name] = value;
  }
  return headers;
}
