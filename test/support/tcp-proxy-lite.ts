// A TCP relay in front of a real server (PostgreSQL here) that a test can take down and bring back, to simulate an
// outage without stopping the shared server other test files use. While down it cuts every open connection and resets
// new ones at once, which is what a client sees when the database host goes away; the listening port stays the same,
// so clients reconnect to the same URL once it is up again.
import { createServer, Socket, type AddressInfo } from "node:net";

export interface TcpProxyLite {
  /** The port clients connect to instead of the target's. */
  readonly port: number;
  /** The same URL with host and port replaced by the proxy's. */
  urlThrough(url: string): string;
  /** Cuts every open connection and refuses new ones until up(). */
  down(): void;
  up(): void;
  readonly isUp: boolean;
  close(): Promise<void>;
}

export async function startTcpProxyLite(target: { host: string; port: number }): Promise<TcpProxyLite> {
  let isUp = true;
  const open = new Set<Socket>();

  const track = (socket: Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
    // A cut connection errors on both ends; that is the point, not a test failure.
    socket.on("error", () => undefined);
  };

  const server = createServer((client) => {
    track(client);
    if (!isUp) {
      client.resetAndDestroy();
      return;
    }
    const upstream = new Socket();
    track(upstream);
    upstream.connect(target.port, target.host);
    client.pipe(upstream);
    upstream.pipe(client);
    // Either side ending ends the pair, as a direct connection would.
    client.once("close", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  function cutAll(): void {
    for (const socket of open) if (!socket.destroyed) socket.resetAndDestroy();
  }

  return {
    port,
    urlThrough(url) {
      const through = new URL(url);
      through.hostname = "127.0.0.1";
      through.port = String(port);
      return through.toString();
    },
    down() {
      isUp = false;
      cutAll();
    },
    up() {
      isUp = true;
    },
    get isUp() {
      return isUp;
    },
    async close() {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
