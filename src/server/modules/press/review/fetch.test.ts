import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchRefused, isBlockedAddress, safeFetch } from './fetch.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><p>Ciao Astana</p></body></html>');
    } else if (req.url === '/to-metadata') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    } else if (req.url === '/to-private') {
      res.writeHead(301, { location: 'http://10.0.0.7/admin' });
      res.end();
    } else if (req.url === '/to-article') {
      res.writeHead(302, { location: '/article' });
      res.end();
    } else if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'x'.repeat(64 * 1024)}</p>`;
      let sent = 0;
      const write = () => {
        while (sent < 200) {
          sent++;
          if (!res.write(chunk)) {
            res.once('drain', write);
            return;
          }
        }
        res.end();
      };
      write();
    } else if (req.url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>');
      // never ends
    } else if (req.url === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end('png');
    } else if (req.url === '/cp1251') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      res.end(Buffer.from([0xc0, 0xf1, 0xf2, 0xe0, 0xed, 0xe0])); // "Астана"
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const allowLoopback = { allowHosts: ['127.0.0.1'] };

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchRefused);
    return (error as FetchRefused).reason;
  }
  throw new Error('expected a refusal');
}

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::',
  ])('refuses %s', (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each(['93.184.216.34', '2a00:1450:4001::1', '172.32.0.1', '8.8.8.8'])('accepts %s', (address) =>
    expect(isBlockedAddress(address)).toBe(false),
  );
});

describe('safeFetch', () => {
  it('refuses loopback, private and metadata addresses', async () => {
    expect(await reasonOf(safeFetch(`${base}/article`))).toBe('address_not_allowed');
    expect(await reasonOf(safeFetch('http://10.0.0.1/'))).toBe('address_not_allowed');
    expect(await reasonOf(safeFetch('http://169.254.169.254/latest/meta-data/'))).toBe('address_not_allowed');
    expect(await reasonOf(safeFetch('http://[::1]/'))).toBe('address_not_allowed');
  });

  it('checks the resolved addresses of a name, not the name', async () => {
    const resolve = async () => [{ address: '192.168.0.10', family: 4 }];
    expect(await reasonOf(safeFetch('http://news.example/', { resolve }))).toBe('address_not_allowed');
  });

  it('refuses other schemes and bad URLs', async () => {
    expect(await reasonOf(safeFetch('file:///etc/passwd'))).toBe('scheme_not_allowed');
    expect(await reasonOf(safeFetch('ftp://example.com/'))).toBe('scheme_not_allowed');
    expect(await reasonOf(safeFetch('not a url'))).toBe('invalid_url');
  });

  it('fetches from a host an administrator allowed, following a redirect', async () => {
    const page = await safeFetch(`${base}/to-article`, allowLoopback);
    expect(page.body).toContain('Ciao Astana');
    expect(page.url).toBe(`${base}/article`);
  });

  it('checks every redirect: an allowed host cannot send the fetch to a refused address', async () => {
    expect(await reasonOf(safeFetch(`${base}/to-metadata`, allowLoopback))).toBe('address_not_allowed');
    expect(await reasonOf(safeFetch(`${base}/to-private`, allowLoopback))).toBe('address_not_allowed');
  });

  it('stops after 5 redirects', async () => {
    expect(await reasonOf(safeFetch(`${base}/loop`, allowLoopback))).toBe('too_many_redirects');
  });

  it('aborts an oversize page', async () => {
    expect(await reasonOf(safeFetch(`${base}/huge`, { ...allowLoopback, maxBytes: 1024 * 1024 }))).toBe(
      'too_large',
    );
  });

  it('gives up on a page that does not finish in time', async () => {
    expect(await reasonOf(safeFetch(`${base}/slow`, { ...allowLoopback, timeoutMs: 300 }))).toBe('timeout');
  });

  it('refuses what is not text, and reports HTTP errors', async () => {
    expect(await reasonOf(safeFetch(`${base}/image`, allowLoopback))).toBe('unsupported_type');
    expect(await reasonOf(safeFetch(`${base}/missing`, allowLoopback))).toBe('http_error');
  });

  it('decodes the declared charset', async () => {
    expect((await safeFetch(`${base}/cp1251`, allowLoopback)).body).toBe('Астана');
  });
});
