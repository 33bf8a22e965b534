import { clientAddress } from '../client-address';

describe('client address behind trusted proxies', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9' }, '10.0.0.2', 0)).toBe('10.0.0.2');
  });

  it('is the address one hop back behind one trusted proxy', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9' }, '10.0.0.2', 1)).toBe('203.0.113.9');
  });

  it('takes only as many hops as are trusted, so a client cannot forge an address further back', () => {
    expect(clientAddress({ 'x-forwarded-for': '198.51.100.1, 203.0.113.9, 10.0.0.3' }, '10.0.0.2', 2)).toBe('203.0.113.9');
  });

  it('stops at the farthest known address when fewer hops are forwarded than trusted', () => {
    expect(clientAddress({}, '10.0.0.2', 2)).toBe('10.0.0.2');
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9' }, '10.0.0.2', 3)).toBe('203.0.113.9');
  });
});
