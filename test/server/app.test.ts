import { afterEach, describe, expect, it } from 'vitest';
import type { SummaryEntry } from '../../lib/room/summary';
import { startServer, type RunningServer } from '../../server/app';
import { MAYA, RILEY, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, tempDataDir, until, withAdmin, type Client } from './harness';

const data = tempDataDir();
let server: RunningServer | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  data.remove();
});

const entries = (client: Client) => client.doc.getMap<SummaryEntry>('entries').toJSON() as Record<string, SummaryEntry>;

describe('server start', () => {
  it('serves syncs before the summary catch-up, which still writes the stored purchasers into the summary after it', async () => {
    // Seeded straight in storage, as the CLI (or a crash before the summary was written) leaves it: no summary room yet.
    withAdmin(data.dir, seedTwoOrgs);
    server = await startServer({ dataDir: data.dir, port: 0, host: '127.0.0.1', catchUpAfterMs: 300 });
    const wsUrl = server.url.replace(/^http/, 'ws');
    const summary = await connectSynced(wsUrl, room.summary(MAYA.orgId), await mint(data.dir, RILEY));
    clients.push(summary);
    expect(Object.keys(entries(summary))).toEqual([]);
    await until(() => Object.keys(entries(summary)).some((key) => key.startsWith(`${MAYA.personId}/`)), "Maya's entries in the summary");
    expect(entries(summary)[`${MAYA.personId}/sub-chat`]).toMatchObject({ purchaserName: 'Maya Okafor', licenses: 100 });
  });
});
