// Who is asking, for the rate limits: the TCP peer, or what a configured number of trusted
// proxies in front of us say the peer was. X-Forwarded-For is a request header like any other:
// a client exposed to us directly can write anything in it, so it counts only as far as proxies
// we run appended to it (TRUSTED_PROXY_HOPS).
import http from 'node:http';
import { z } from 'zod';

/**
 * TRUSTED_PROXY_HOPS (validated in src/env.ts): how many reverse proxies we run in front of the
 * site, each appending the address it was reached from to X-Forwarded-For. 0, the default: none,
 * the header is the client's own word and is ignored.
 */
export const TrustedProxyHops = z.coerce
  .number({ error: 'a whole number of proxies (0 when the site is reached directly)' })
  .int('a whole number of proxies (0 when the site is reached directly)')
  .min(0, '0 or more')
  .max(10, 'at most 10: more proxies than that is a misconfiguration')
  .default(0);

/**
 * The header this process stamps on every request with the socket's remote address, overwriting
 * whatever a client sent under that name. Next's route handlers see only a web Request (no socket),
 * and Next itself fills X-Forwarded-For from the socket only when the client sent none.
 */
export const PEER_ADDRESS_HEADER = 'x-voltpay-peer-address';

const globalForPeer = globalThis as typeof globalThis & { voltpayPeerAddressStamped?: boolean };

/**
 * Wraps http.Server's `emit` so that each 'request' carries PEER_ADDRESS_HEADER before any listener
 * (Next's) sees it. Called once at start-up (instrumentation-node.ts); safe to call again.
 */
export const stampPeerAddresses = (): void => {
  if (globalForPeer.voltpayPeerAddressStamped) return;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the server as `this`
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampingEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      const peer = request.socket?.remoteAddress;
      if (peer) request.headers[PEER_ADDRESS_HEADER] = peer;
      else delete request.headers[PEER_ADDRESS_HEADER];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  globalForPeer.voltpayPeerAddressStamped = true;
};

/** IPv4 peers of a dual-stack socket read `::ffff:1.2.3.4`; one client, one key. */
const normalise = (address: string) =>
  address
    .trim()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
    .toLowerCase();

/**
 * The client's address. With 0 trusted hops: the socket's peer, X-Forwarded-For ignored whatever
 * it says. With N: the Nth X-Forwarded-For entry from the right (each of our N proxies appended
 * the address it was reached from); a header shorter than that did not pass through all of them,
 * so its leftmost entry, the one closest to our proxies' view, is not to be trusted either: the
 * peer is used. 'unknown' (one bucket shared by all) only when this process did not stamp peers.
 */
export const clientAddress = (headers: Pick<Headers, 'get'>, trustedProxyHops: number): string => {
  if (trustedProxyHops > 0) {
    const entries = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const entry = entries.at(-trustedProxyHops);
    if (entries.length >= trustedProxyHops && entry) return normalise(entry);
  }
  const peer = globalForPeer.voltpayPeerAddressStamped ? headers.get(PEER_ADDRESS_HEADER) : null;
  return peer ? normalise(peer) : 'unknown';
};
