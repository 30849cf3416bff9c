/**
 * Safe fetching of press pages (issue 6): the server fetches URLs that people paste, so a URL
 * must not reach the machine itself, the mission's network or the cloud metadata service.
 *
 * - Only `http:` and `https:`; no credentials in the URL.
 * - The host is resolved once and every address checked: loopback, private, link-local
 *   (169.254.169.254 included), CGNAT, unspecified, multicast, IPv6 loopback/ULA/link-local and
 *   IPv4-mapped forms of them are refused — unless an administrator allowed the host
 *   (`SOFTPOWER_FETCH_ALLOW_HOSTS`, comma-separated host names, or `allowHosts`).
 * - The connection is pinned to the address that was checked (a custom `lookup` answers with
 *   it), so a second DNS answer cannot swap it.
 * - Redirects are followed by hand, at most 5, each target checked the same way.
 * - At most 5 MB (decompressed) and 15 seconds; beyond either the transfer is aborted.
 * Every refusal is a `FetchRefused` with a machine-readable `reason`.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { MAX_HTML_BYTES } from './html-document.ts';

export const FETCH_FAILURE_REASONS = [
  'invalid_url',
  'scheme_not_allowed',
  'address_not_allowed',
  'dns_failed',
  'too_many_redirects',
  'too_large',
  'timeout',
  'http_error',
  'unsupported_type',
  'network_error',
] as const;
export type TFetchFailureReason = (typeof FETCH_FAILURE_REASONS)[number];

/** A fetch that was refused or failed; `reason` says why in one word, `message` for people. */
export class FetchRefused extends Error {
  constructor(
    readonly reason: TFetchFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'FetchRefused';
  }
}

export interface TFetchOptions {
  /** Hosts an administrator allowed even though they resolve to internal addresses. */
  allowHosts?: readonly string[];
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** DNS resolution; tests replace it. */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export interface TFetchedPage {
  /** The URL finally read, after redirects. */
  url: string;
  status: number;
  contentType: string;
  /** The body decoded to text with the charset the server or the page declares. */
  body: string;
  bytes: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'SoftPower press review (+https://github.com/softpower)';

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 of anything
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/**
 * Whether an IP address is one the press review must not fetch from.
 * @example isBlockedAddress('169.254.169.254') // true
 */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
    return BLOCKED.check(address, 'ipv6');
  }
  return true;
}

/** Hosts allowed by the server's environment (`SOFTPOWER_FETCH_ALLOW_HOSTS=a.example,localhost`). */
export function allowedHostsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.SOFTPOWER_FETCH_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Fetches a page safely (see the module's notes).
 *
 * @param url - what a person pasted
 * @returns the decoded page
 * @throws FetchRefused with the reason
 * @example const page = await safeFetch('https://www.italpress.com/…');
 */
export async function safeFetch(url: string, options: TFetchOptions = {}): Promise<TFetchedPage> {
  const allowHosts = new Set(
    [...(options.allowHosts ?? []), ...allowedHostsFromEnv()].map((h) => h.toLowerCase()),
  );
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let current = parseUrl(url);
  for (let hop = 0; ; hop++) {
    const address = await checkTarget(current, allowHosts, options.resolve ?? resolveAll);
    const response = await request(current, address, {
      maxBytes: options.maxBytes ?? MAX_HTML_BYTES,
      deadline,
    });
    if (response.redirect) {
      if (hop >= maxRedirects)
        throw new FetchRefused('too_many_redirects', `More than ${maxRedirects} redirects.`);
      current = parseUrl(new URL(response.redirect, current).toString());
      continue;
    }
    return { ...response.page!, url: current.toString() };
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FetchRefused('invalid_url', 'This is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchRefused(
      'scheme_not_allowed',
      `Only http and https addresses can be fetched, not ${url.protocol}.`,
    );
  if (url.username || url.password)
    throw new FetchRefused('invalid_url', 'URLs with credentials are not fetched.');
  return url;
}

async function resolveAll(host: string): Promise<{ address: string; family: number }[]> {
  return dnsLookup(host, { all: true, verbatim: true });
}

/** Resolves the host and checks every address; returns the one to connect to. */
async function checkTarget(
  url: URL,
  allowHosts: Set<string>,
  resolve: NonNullable<TFetchOptions['resolve']>,
): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const isAllowed = allowHosts.has(host);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new FetchRefused('dns_failed', `The name ${host} could not be resolved.`);
    }
  }
  if (addresses.length === 0) throw new FetchRefused('dns_failed', `The name ${host} has no address.`);
  if (!isAllowed) {
    const blocked = addresses.find((a) => isBlockedAddress(a.address));
    if (blocked)
      throw new FetchRefused(
        'address_not_allowed',
        `${host} points to an internal address (${blocked.address}); an administrator can allow the host.`,
      );
  }
  return addresses[0]!;
}

interface TResponse {
  redirect?: string;
  page?: Omit<TFetchedPage, 'url'>;
}

function request(
  url: URL,
  pinned: { address: string; family: number },
  limits: { maxBytes: number; deadline: number },
): Promise<TResponse> {
  return new Promise((resolvePromise, reject) => {
    const remaining = limits.deadline - Date.now();
    if (remaining <= 0) {
      reject(new FetchRefused('timeout', 'The page took too long to answer.'));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (error: FetchRefused) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    const req = client.request(
      url,
      {
        method: 'GET',
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
        // pin the connection to the address that was checked
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all)
            (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
          else callback(null, pinned.address, pinned.family);
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          settled = true;
          clearTimeout(timer);
          res.resume();
          resolvePromise({ redirect: res.headers.location });
          return;
        }
        if (status >= 400) {
          res.resume();
          fail(new FetchRefused('http_error', `The server answered ${status}.`));
          return;
        }
        const contentType = String(res.headers['content-type'] ?? '');
        if (contentType && !/^(text\/|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml))/i.test(contentType)) {
          res.resume();
          fail(new FetchRefused('unsupported_type', `The page is not HTML or text (${contentType}).`));
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > limits.maxBytes && !res.headers['content-encoding']) {
          res.resume();
          fail(tooLarge(limits.maxBytes));
          return;
        }
        const stream = decompress(res, String(res.headers['content-encoding'] ?? ''));
        const chunks: Buffer[] = [];
        let bytes = 0;
        stream.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > limits.maxBytes) {
            stream.destroy();
            fail(tooLarge(limits.maxBytes));
            return;
          }
          chunks.push(chunk);
        });
        stream.on('error', () => fail(new FetchRefused('network_error', 'The transfer broke off.')));
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const buffer = Buffer.concat(chunks);
          resolvePromise({
            page: { status, contentType, body: decode(buffer, contentType), bytes: buffer.length },
          });
        });
      },
    );
    const timer = setTimeout(
      () => fail(new FetchRefused('timeout', 'The page took too long to answer.')),
      remaining,
    );
    req.on('error', (error) =>
      fail(new FetchRefused('network_error', `The page could not be reached: ${error.message}`)),
    );
    req.end();
  });
}

function tooLarge(maxBytes: number): FetchRefused {
  return new FetchRefused('too_large', `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
}

function decompress(stream: Readable, encoding: string): Readable {
  const e = encoding.toLowerCase().trim();
  if (e === 'gzip' || e === 'x-gzip') return stream.pipe(zlib.createGunzip());
  if (e === 'deflate') return stream.pipe(zlib.createInflate());
  if (e === 'br') return stream.pipe(zlib.createBrotliDecompress());
  return stream;
}

/** Text from bytes: the charset of the header, else of `<meta charset>`, else UTF-8. */
export function decode(buffer: Buffer, contentType: string): string {
  const head = buffer.subarray(0, 2048).toString('latin1');
  const charset =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(charset.toLowerCase()).decode(buffer);
  } catch {
    return new TextDecoder('utf-8').decode(buffer);
  }
}
