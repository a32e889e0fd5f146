// The PDF browser's way out, closed: every connection it opens to anything
// but the print server goes to a proxy on 127.0.0.1 that hangs up at once,
// requests and the connections Chromium opens ahead of them alike (e.g. for a
// frame about to load), so not even a TCP handshake leaves for another host
// or port. No name resolves either. print-page.ts records what was tried.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface NetworkFence {
  /** Chromium flags that send everything but `allowedOrigin` to the fence. */
  args: string[];
  close(): Promise<void>;
}

export async function startFence(allowedOrigin: string): Promise<NetworkFence> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const allowed = new URL(allowedOrigin);
  return {
    args: [
      `--proxy-server=http://127.0.0.1:${port}`,
      // <-loopback>: other ports of this machine go through the proxy too.
      `--proxy-bypass-list=<-loopback>;${allowed.host}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
