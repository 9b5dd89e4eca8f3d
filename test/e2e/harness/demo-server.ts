import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Who } from '../../../server/auth';
import { BillingRoomState, readBillingRoom } from '../../../lib/room/billing-doc';
import { connectSynced, mint, startServer, tempDataDir, withAdmin, type ServerProcess } from '../../server/harness';
import { openAdminConsole, type AdminConsole } from './admin-console';
import { useExtension, type Extension } from './extension';
import { startNetworkLink, type NetworkLink } from './network-link';

/** A browser profile with the extension, and its own network link to the demo server. */
export interface Device {
  ext: Extension;
  /** Its own relay to the server, so each device's network is pulled out on its own. */
  link: () => NetworkLink;
  popup?: Page;
}

/** `count` devices, the i-th behind the demo server's i-th link. */
export function useDevices(demo: DemoServer, count: number): Device[] {
  return Array.from({ length: count }, (_, i) => ({ ext: useExtension(), link: () => demo.links[i]! }));
}

export interface DemoServer {
  /** The server's data directory (for the CLI and for reading its SQLite file). */
  readonly dir: string;
  readonly server: ServerProcess;
  /** One relay to the server per device, so each device's network is pulled out on its own. */
  readonly links: readonly NetworkLink[];
  /** A one-time sign-in code for someone of the demo organization. */
  code(who: Who): string;
  /** The admin console in its own browser, signed in as `who`, live with `rows` rows; closed after the file. */
  openAdminConsole(who: Who, rows: number): Promise<AdminConsole>;
  /** `who`'s billing room as the server has it, read through a fresh connection with their token. */
  billingRoom(who: Who): Promise<BillingRoomState>;
}

/**
 * A real server process over the demo organization for one test file, with `links` network links
 * in front of it, started before the file's tests and stopped after them.
 */
export function useDemoServer(links: number): DemoServer {
  const data = tempDataDir();
  let server: ServerProcess | undefined;
  const relays: NetworkLink[] = [];
  const consoles: AdminConsole[] = [];

  beforeAll(async () => {
    withAdmin(data.dir, (orgAdmin) => orgAdmin.seedDemo());
    server = await startServer(data.dir);
    for (let i = 0; i < links; i++) relays.push(await startNetworkLink({ host: '127.0.0.1', port: server.port }));
  });

  afterAll(async () => {
    for (const console of consoles) await console.close();
    for (const relay of relays) await relay.close();
    await server?.kill('SIGKILL');
    data.remove();
  });

  return {
    dir: data.dir,
    get server() {
      if (!server) throw new Error('The demo server starts in beforeAll');
      return server;
    },
    links: relays,
    code: (who) => withAdmin(data.dir, (orgAdmin) => orgAdmin.createSignInCode(who.orgId, who.personId)),
    async billingRoom(who) {
      const client = await connectSynced(this.server.wsUrl, `billing/${who.orgId}/${who.personId}`, await mint(data.dir, who));
      try {
        return BillingRoomState.parse(readBillingRoom(client.doc));
      } finally {
        client.destroy();
      }
    },
    async openAdminConsole(who, rows) {
      const opened = await openAdminConsole(this.server.url, this.code(who), rows);
      consoles.push(opened);
      return opened;
    },
  };
}
