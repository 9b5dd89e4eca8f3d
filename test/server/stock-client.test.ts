/**
 * A stock y-websocket client (any third-party tool: no handlers for Seatkeeper's messages 100 and
 * 101, no `acks` parameter) syncs with the server both ways, and y-websocket has nothing to
 * complain about: the server sends acknowledgements and refusals only to clients that ask.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createRoomDoc } from '../../lib/room/room-doc';
import { MAYA, RILEY, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, startServer, tempDataDir, until, withAdmin, type Client, type ServerProcess } from './harness';

const data = tempDataDir();
let server: ServerProcess;
let stock: WebsocketProvider | undefined;
let acked: Client | undefined;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
});

afterAll(async () => {
  stock?.destroy();
  acked?.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

const chat = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-chat');

describe('a stock y-websocket client', () => {
  it('syncs without a single "Unable to compute message", for a writer and for a read-only admin', async () => {
    const errors = vi.spyOn(console, 'error');
    try {
      const doc = createRoomDoc('purchaser');
      stock = new WebsocketProvider(server.wsUrl, room.purchaser(MAYA), doc, {
        params: { token: await mint(data.dir, MAYA) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      await until(() => stock!.synced, 'the stock client to sync');
      expect(chat(doc)?.get('licenses')).toBe(100);

      // Its edit is stored and reaches another client, which asked for acknowledgements and gets them.
      acked = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, RILEY));
      chat(doc)!.set('licenses', 130);
      await until(() => chat(acked!.doc)?.get('licenses') === 130, 'the edit to reach the admin');
      // A read-only admin's write is refused: the refusal too goes only to clients that ask.
      chat(acked.doc)!.set('licenses', 1);
      await until(() => acked!.refused.length > 0, 'the refusal of the admin’s write');
      // Let the server answer anything it would still send to the stock client.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(chat(doc)?.get('licenses')).toBe(130);
      expect(errors.mock.calls.flat().join('\n')).not.toContain('Unable to compute message');
    } finally {
      errors.mockRestore();
    }
  });
});
