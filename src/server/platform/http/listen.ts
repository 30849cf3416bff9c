/**
 * The Node HTTP server for the app. One rule on top of `@hono/node-server`: when a body is
 * refused for its size (413), the answer says `Connection: close` and the connection is closed
 * the careful way — the answer is sent, our side is shut (FIN), what the client is still sending
 * is read and dropped for a moment, then the socket closes. Closing at once, with unread bytes
 * on the socket, makes the kernel send a reset, and the client may lose the 413 before reading it.
 */
import type { Socket } from 'node:net';
import { serve } from '@hono/node-server';

/** How long a refused upload may keep sending before the socket is closed anyway. */
const LINGER_MS = 2_000;

type TFetch = (request: Request, env: { incoming: { socket: Socket } }) => Response | Promise<Response>;

/** Shut the write side after the answer; drop the rest of the upload; close within LINGER_MS. */
function closeAfterAnswer(socket: Socket): void {
  let isClosing = false;
  socket.destroySoon = () => {
    if (isClosing) return;
    isClosing = true;
    socket.end();
    socket.resume();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
}

/**
 * Listens with `fetch` on `hostname:port` (port 0: any free port); resolves once listening.
 * @example const server = await listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
 */
export function listen(options: { fetch: TFetch; port: number; hostname: string }) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve(
      {
        fetch: async (request: Request, env: { incoming: { socket: Socket } }) => {
          const response = await options.fetch(request, env);
          if (response.status !== 413) return response;
          closeAfterAnswer(env.incoming.socket);
          const headers = new Headers(response.headers);
          headers.set('Connection', 'close');
          return new Response(response.body, { status: 413, headers });
        },
        port: options.port,
        hostname: options.hostname,
      },
      () => resolve(server),
    );
    server.once('error', reject);
  });
}
