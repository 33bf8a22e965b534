import type { IncomingHttpHeaders } from 'node:http';

/**
 * The client's address as Express computes it with `trust proxy` set to a number of hops: the socket's
 * peer when no proxy is trusted, else the address that many hops back along X-Forwarded-For. A client
 * cannot move itself further back than the trusted proxies reach.
 */
export function clientAddress(headers: IncomingHttpHeaders, socketAddress: string | undefined, trustedHops: number): string | undefined {
  if (trustedHops <= 0) return socketAddress;
  const header = headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  // Nearest first: the socket's peer, then X-Forwarded-For from its right end.
  const chain = [socketAddress, ...forwarded.reverse()];
  return chain[Math.min(trustedHops, chain.length - 1)];
}
