// A TCP proxy in front of PostgreSQL or Redis, so a test can take "the server" away and bring it back without
// touching the real server that other tests are using.
import net from "node:net";

export interface TcpProxy {
  /** The proxy's own port on 127.0.0.1; point a client at it instead of the target. */
  readonly port: number;
  /** Rewrites a URL (postgresql://, redis://, ...) so it goes through the proxy. */
  url(targetUrl: string): string;
  /** Cut every open connection and close each new one as soon as it arrives, like a server that went away. */
  down(): void;
  /** Let connections through again. */
  up(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let isDown = false;

  const server = net.createServer((client) => {
    // Still listening while down, so the port stays ours; a connection is accepted and dropped at once.
    if (isDown) return void client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      // A reset on one side ends the pair; the error itself is the expected outcome of down().
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    url(targetUrl) {
      const url = new URL(targetUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    down() {
      isDown = true;
      for (const socket of open) socket.destroy();
    },
    up() {
      isDown = false;
    },
    async close() {
      isDown = true;
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
