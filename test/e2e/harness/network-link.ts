/**
 * A loopback TCP relay between the extension and the sync server whose network can be pulled out:
 * `cut()` resets every open connection and refuses new ones until `restore()`. The extension is
 * signed in to the relay's URL, so its sign-in, token renewal and WebSocket traffic all cross it,
 * while the admin console talks to the server directly.
 *
 * Why not Playwright's `context.setOffline(true)`: measured against the built extension, it does not
 * close the service worker's open WebSocket; the background only noticed after y-websocket's 30 s
 * "no message received" timeout (33 s in that run), so a test would wait on a library timer instead
 * of a network loss. A reset connection is what a dropped Wi-Fi or a sleeping laptop looks like to
 * the service worker, and it notices at once.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface NetworkLink {
  /** http://127.0.0.1:<port> of the relay: the "server URL" the extension signs in to. */
  url: string;
  /** Resets every open connection and refuses new ones. */
  cut(): void;
  /** Accepts connections again. */
  restore(): void;
  close(): Promise<void>;
}

export async function startNetworkLink(target: { host: string; port: number }): Promise<NetworkLink> {
  const open = new Set<Socket>();
  let down = false;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // A reset on one side is expected while cutting; the pair is torn down below.
    socket.on('error', () => undefined);
  };

  const relay = createServer((client) => {
    if (down) {
      client.on('error', () => undefined);
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    relay.once('error', reject);
    relay.listen(0, '127.0.0.1', () => resolve());
  });
  const address = relay.address();
  if (!address || typeof address === 'string') throw new Error('The relay has no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      down = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore() {
      down = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}
