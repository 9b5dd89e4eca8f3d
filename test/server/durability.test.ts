import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadRoomDoc } from '../../server/room-log';
import { MAYA, ORG, RILEY, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, startServer, tempDataDir, until, withAdmin, type Client, type ServerProcess } from './harness';

const data = tempDataDir();
let server: ServerProcess;
const clients: Client[] = [];

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  // A low compaction threshold, so the stream also crosses compactions.
  server = await startServer(data.dir, { args: ['--compact-after', '25'] });
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

/** Support requests: a stream of valid entities, each only stamped received by the server. */
const requests = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('supportRequests');

describe('durability', () => {
  it('loses no acknowledged update to kill -9, and gets the rest after reconnecting', async () => {
    const writer = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
    clients.push(writer);
    const { clientID } = writer.doc;
    /** The writer's clock after each change: change i is stored once a MESSAGE_STORED covers clocks[i]. */
    const clocks: number[] = [];
    const write = () => {
      const i = clocks.length;
      writer.doc.transact(() => {
        const request = new Y.Map<unknown>();
        requests(writer.doc).set(`stream-${i}`, request);
        for (const [field, value] of Object.entries({ subject: `Question ${i}`, message: 'Hello', email: 'maya@northwind.example', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), status: 'queued' })) request.set(field, value);
      });
      clocks.push(Y.getState(writer.doc.store, clientID));
    };
    const acknowledged = () => {
      const storedClock = Math.max(0, ...writer.stored.map((s) => s.sv.get(clientID) ?? 0));
      return clocks.filter((clock) => clock <= storedClock).length;
    };

    // Write a change every millisecond, and kill the server mid-stream once 40 changes are acknowledged.
    // Not as fast as the event loop allows: each change is checked on the server, and a
    // flood of them only measures how far behind the server falls.
    let writing = true;
    const stream = (async () => {
      while (writing) {
        write();
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    await until(() => acknowledged() >= 40, '40 acknowledged changes');
    await server.kill('SIGKILL');
    writing = false;
    await stream;
    const acked = acknowledged();
    for (let i = 0; i < 10; i++) write();
    expect(clocks.length).toBeGreaterThan(acked);

    const onDisk = withAdmin(data.dir, (a) => loadRoomDoc(a.store, { kind: 'purchaser', orgId: ORG, personId: MAYA.personId }).doc);
    for (let i = 0; i < acked; i++) expect(requests(onDisk).has(`stream-${i}`), `acknowledged change ${i}`).toBe(true);

    server = await startServer(data.dir, { port: server.port, args: ['--compact-after', '25'] });
    await until(() => writer.provider.synced && writer.allStored(), 'the writer to reconnect and have everything stored', 30_000, () => ({
      connected: writer.provider.wsconnected,
      synced: writer.provider.synced,
      closes: writer.closes,
      refused: writer.refused,
      clock: Y.getState(writer.doc.store, clientID),
      storedClock: writer.stored.at(-1)?.sv.get(clientID),
      serverExit: server.child.exitCode,
      serverOutput: server.output(),
    }));
    const reader = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, RILEY));
    clients.push(reader);
    for (let i = 0; i < clocks.length; i++) expect(requests(reader.doc).has(`stream-${i}`), `change ${i}`).toBe(true);
  });
});
