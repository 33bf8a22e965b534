import { forwardedRequestHeaders, returnedResponseHeaders } from '../forwarded-headers';

const facts = { requestId: 'req-1', clientAddress: '10.0.0.7', host: 'gateway.example', protocol: 'https', targetHost: '127.0.0.1:3001' };

describe('forwarded headers', () => {
  it('passes the Authorization header and end-to-end headers on, and sets the request id and host', () => {
    const headers = forwardedRequestHeaders(
      { authorization: 'Bearer abc', accept: 'application/json', 'content-type': 'text/csv', host: 'gateway.example', 'x-request-id': 'client-sent' },
      facts,
    );
    expect(headers).toEqual({
      authorization: 'Bearer abc',
      accept: 'application/json',
      'content-type': 'text/csv',
      host: '127.0.0.1:3001',
      'x-request-id': 'req-1',
      'x-forwarded-for': '10.0.0.7',
      'x-forwarded-host': 'gateway.example',
      'x-forwarded-proto': 'https',
    });
  });

  it('drops hop-by-hop headers and those the Connection header names', () => {
    const headers = forwardedRequestHeaders(
      { connection: 'keep-alive, x-trace-hop', 'keep-alive': 'timeout=5', 'x-trace-hop': '1', 'transfer-encoding': 'chunked', upgrade: 'h2c', te: 'trailers', 'x-kept': 'yes' },
      facts,
    );
    for (const name of ['connection', 'keep-alive', 'x-trace-hop', 'transfer-encoding', 'upgrade', 'te']) expect(headers).not.toHaveProperty(name);
    expect(headers['x-kept']).toBe('yes');
  });

  it('appends the client to an existing X-Forwarded-For chain', () => {
    expect(forwardedRequestHeaders({ 'x-forwarded-for': '203.0.113.9' }, facts)['x-forwarded-for']).toBe('203.0.113.9, 10.0.0.7');
  });

  it("returns the service's headers without the connection-scoped ones", () => {
    expect(
      returnedResponseHeaders({ 'content-type': 'application/json', 'content-length': '12', connection: 'keep-alive', 'keep-alive': 'timeout=5', 'x-request-id': 'req-1', 'set-cookie': ['a=1', 'b=2'] }),
    ).toEqual({ 'content-type': 'application/json', 'content-length': '12', 'x-request-id': 'req-1', 'set-cookie': ['a=1', 'b=2'] });
  });
});
