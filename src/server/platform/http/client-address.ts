/**
 * The address of the client that sent a request, for the sign-in limits and the logs.
 *
 * The socket's peer address is the truth. `X-Forwarded-For` is read only when that peer is one
 * of the configured proxies (`SOFTPOWER_TRUSTED_PROXIES`): then the client is the right-most
 * address of the chain that is not itself a trusted proxy — the left part of the header is
 * whatever the client chose to write, so it is never taken at face value.
 */
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The key of a request that has no socket (in-process `app.request()` in tests). Tests give an
 * address with the env argument: `app.request(path, init, testConnection('10.0.0.7'))`.
 */
export const NO_SOCKET_ADDRESS = 'in-process';

/** A set of IP addresses and CIDR ranges (IPv4 and IPv6). */
export interface TTrustedProxies {
  has(address: string): boolean;
  /** The entries as configured, for messages. */
  readonly entries: readonly string[];
}

/**
 * Parses `SOFTPOWER_TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges.
 * @throws Error naming the entry that is not an address or a range.
 * @example parseTrustedProxies('127.0.0.1, 10.0.0.0/8, ::1').has('10.1.2.3') // true
 */
export function parseTrustedProxies(value: string | undefined): TTrustedProxies {
  const list = new BlockList();
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      rest.length > 0 ||
      (bits !== undefined && (!/^\d{1,3}$/.test(prefix ?? '') || bits > maxBits))
    )
      throw new Error(
        `SOFTPOWER_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range (e.g. 10.0.0.0/8).`,
      );
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return {
    entries,
    has: (address) => {
      const plain = normaliseAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/** No proxy is trusted: the default. */
export const NO_TRUSTED_PROXIES: TTrustedProxies = parseTrustedProxies('');

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) → `10.0.0.1`; brackets and zone dropped. */
export function normaliseAddress(address: string): string {
  const plain = address.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  return mapped ? mapped[1]! : plain.toLowerCase();
}

/**
 * The client of a chain of hops: `forwardedFor` (the header, left to right) then the socket's
 * peer. Walks from the right while the hop is a trusted proxy; the first hop that is not is the
 * client. A hop that is not an address stops the walk at the proxy that wrote it.
 * @example resolveClientAddress({ peer: '10.0.0.2', forwardedFor: '6.6.6.6, 1.2.3.4', trusted }) // '1.2.3.4' when 10.0.0.2 is trusted
 */
export function resolveClientAddress(options: {
  peer: string | undefined;
  forwardedFor: string | undefined;
  trusted: TTrustedProxies;
}): string {
  if (!options.peer) return NO_SOCKET_ADDRESS;
  let client = normaliseAddress(options.peer);
  if (!options.trusted.has(client) || !options.forwardedFor) return client;
  const hops = options.forwardedFor.split(',').map(normaliseAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) break;
    client = hop;
    if (!options.trusted.has(hop)) break;
  }
  return client;
}

/**
 * The client address of a request (see the module's comment).
 * @example const client = clientAddress(c);
 */
export function clientAddress(c: Context): string {
  // `getConnInfo` reads `c.env.incoming.socket`, which in-process requests do not have.
  const hasSocket = !!(c.env as { incoming?: { socket?: unknown } } | undefined)?.incoming?.socket;
  const trusted = (c.get('config') as { trustedProxies?: TTrustedProxies } | undefined)?.trustedProxies;
  return resolveClientAddress({
    peer: hasSocket ? getConnInfo(c).remote.address : undefined,
    forwardedFor: c.req.header('x-forwarded-for'),
    trusted: trusted ?? NO_TRUSTED_PROXIES,
  });
}

/**
 * The env argument of `app.request()` that makes an in-process request look as if it came
 * from `address` over a socket (as `@hono/node-server` passes it).
 * @example await app.request('/api/auth/sign-in', init, testConnection('203.0.113.9'))
 */
export function testConnection(address: string) {
  return { incoming: { socket: { remoteAddress: address } } };
}
