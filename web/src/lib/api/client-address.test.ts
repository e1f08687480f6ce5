import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, PEER_ADDRESS_HEADER, stampPeerAddresses, TrustedProxyHops } from './client-address';

/** A real Node server with the start-up stamp installed, answering with the headers it was given. */
let server: http.Server;
let port: number;
beforeAll(async () => {
  stampPeerAddresses();
  server = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(request.headers));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const headersSeenByServer = async (sent: Record<string, string>) => {
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers: sent });
  return new Headers((await response.json()) as Record<string, string>);
};

describe('clientAddress with no trusted proxy (TRUSTED_PROXY_HOPS=0)', () => {
  it('is the socket peer, whatever X-Forwarded-For, X-Real-IP or the stamp header the client sends', async () => {
    const seen = await headersSeenByServer({ 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '198.51.100.7', [PEER_ADDRESS_HEADER]: '192.0.2.1' });
    expect(clientAddress(seen, 0)).toBe('127.0.0.1');
  });

  it('does not change when a client sends a new X-Forwarded-For per request (the load run that got past the limit)', async () => {
    const addresses = new Set<string>();
    for (let i = 1; i <= 5; i += 1) addresses.add(clientAddress(await headersSeenByServer({ 'x-forwarded-for': `198.18.0.${i}` }), 0));
    expect([...addresses]).toEqual(['127.0.0.1']);
  });

  it('reads an IPv4 peer of a dual-stack socket as plain IPv4', () => {
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: '::ffff:10.1.2.3' }), 0)).toBe('10.1.2.3');
  });
});

describe('clientAddress behind N trusted proxies', () => {
  const chain = 'spoofed-by-client, 203.0.113.9, 10.0.0.5';

  it('takes the Nth entry from the right: what our outermost proxy saw', () => {
    const headers = new Headers({ 'x-forwarded-for': chain, [PEER_ADDRESS_HEADER]: '10.0.0.9' });
    expect(clientAddress(headers, 1)).toBe('10.0.0.5');
    expect(clientAddress(headers, 2)).toBe('203.0.113.9');
  });

  it('never takes an entry left of the Nth: those are the client’s own words', () => {
    const headers = new Headers({ 'x-forwarded-for': '198.18.7.7, 203.0.113.9', [PEER_ADDRESS_HEADER]: '10.0.0.9' });
    expect(clientAddress(headers, 1)).toBe('203.0.113.9');
  });

  it('a header shorter than the hops did not pass all our proxies: the peer, not a guess', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9', [PEER_ADDRESS_HEADER]: '10.0.0.9' }), 2)).toBe('10.0.0.9');
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: '10.0.0.9' }), 1)).toBe('10.0.0.9');
  });
});

describe('TRUSTED_PROXY_HOPS', () => {
  it('is 0 when unset, a whole number otherwise', () => {
    expect(TrustedProxyHops.parse(undefined)).toBe(0);
    expect(TrustedProxyHops.parse('2')).toBe(2);
  });

  it.each(['-1', '1.5', 'one', '11'])('%j is refused at start-up', (raw) => {
    expect(TrustedProxyHops.safeParse(raw).success).toBe(false);
  });
});
