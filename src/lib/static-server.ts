// Serves a built site over HTTP on 127.0.0.1 (an ephemeral port): pages use
// absolute paths and Paged.js fetches stylesheets, so file:// will not do.
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** An HTTP server for `handle` on 127.0.0.1, at a port the system picks. */
export async function serveLocal(handle: RequestListener): Promise<StaticServer> {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A browser keeps connections open; they must not hold the close up.
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** Answers a request that no file matches. */
export function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.end('not found');
}

export function serveDir(dir: string): Promise<StaticServer> {
  const handler = sirv(dir, { dev: true, etag: false, dotfiles: false });
  return serveLocal((req, res) => handler(req, res, () => notFound(res)));
}
