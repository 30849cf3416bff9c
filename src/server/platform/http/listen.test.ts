import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { listen } from './listen.ts';

const { app } = await setupTestApp();
const server = await listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POSTs `size` bytes of JSON-ish body in 64 KB chunks; resolves with the answer, or the error. */
function postLarge(size: number) {
  return new Promise<{ status?: number; headers?: Record<string, unknown>; body?: string; error?: Error }>(
    (resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth/sign-in',
        headers: { 'content-type': 'application/json', 'content-length': String(size) },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
        res.on('error', (error) => resolve({ error }));
      });
      req.on('error', (error) => resolve({ error }));
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const write = () => {
        while (sent < size) {
          const n = Math.min(chunk.length, size - sent);
          sent += n;
          if (!req.write(chunk.subarray(0, n))) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    },
  );
}

const health = async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).status;

describe('a body refused for its size', () => {
  it('gets its 413 intact, with Connection: close, and no reset', async () => {
    for (const size of [2 * 1024 * 1024, 8 * 1024 * 1024]) {
      const answer = await postLarge(size);
      expect(answer.error).toBeUndefined();
      expect(answer.status).toBe(413);
      expect(answer.headers?.connection).toBe('close');
      expect(JSON.parse(answer.body!)).toMatchObject({ status: 413, title: 'Payload too large' });
    }
    expect(await health()).toBe(200);
  });
});

describe('a broken request', () => {
  it('with a Content-Length longer than the body, then closed, crashes nothing', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /api/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":',
        );
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    expect(await health()).toBe(200);
  });

  it('with a Content-Length shorter than the body is answered and crashes nothing', async () => {
    const reply = await new Promise<string>((resolve) => {
      let data = '';
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /api/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"email":"a@b.org","password":"x"}',
        );
      });
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('close', () => resolve(data));
      socket.on('error', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(await health()).toBe(200);
  });

  it('aborted by the client half-way through an upload crashes nothing', async () => {
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth/sign-in',
        headers: { 'content-type': 'application/json', 'content-length': '100000' },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write('{"email":"a@b.org","password":"');
      setTimeout(() => req.destroy(), 50);
    });
    expect(await health()).toBe(200);
  });
});
