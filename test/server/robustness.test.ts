import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { FRAME_OVERHEAD_BYTES } from '../../server/sockets';
import { MAYA, RILEY, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, startServer, tempDataDir, until, withAdmin, type Client, type ServerProcess } from './harness';

const data = tempDataDir();
const MAX_DOC_BYTES = 256 * 1024;
let server: ServerProcess;
let maya: Client;
let mirror: Client;

const subs = (client: Client) => client.doc.getMap<Y.Map<unknown>>('subscriptions');

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir, { args: ['--max-doc-bytes', String(MAX_DOC_BYTES)] });
  maya = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
  mirror = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, RILEY));
});

afterAll(async () => {
  maya?.destroy();
  mirror?.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

/** Opens a raw socket to Maya's room, sends one frame, and resolves with the close code. */
async function sendRaw(frame: Uint8Array | string): Promise<number> {
  const ws = new WebSocket(`${server.wsUrl}/${room.purchaser(MAYA)}?token=${await mint(data.dir, MAYA)}`);
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('close', () => reject(new Error('closed before open')));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.send(frame);
  return closed;
}

/** A change by Maya that the admin's mirror must receive: proves the room still syncs. */
async function stillSyncs(licenses: number): Promise<void> {
  subs(maya).get('sub-design')!.set('licenses', licenses);
  await until(() => subs(mirror).get('sub-design')?.get('licenses') === licenses, `the mirror to see ${licenses} licenses`);
  await until(() => maya.allStored(), 'the acknowledgement');
}

function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  let state = seed;
  return new Uint8Array(length).map(() => (state = (state * 1103515245 + 12345) & 0x7fffffff) & 0xff);
}

describe('bad frames', () => {
  it('closes only the connection that sent garbage', async () => {
    expect(await sendRaw('not binary')).toBe(4400);
    expect(await sendRaw(new Uint8Array([0x7f, 1, 2, 3]))).toBe(4400);
    for (let seed = 1; seed <= 5; seed++) {
      // A sync update (0, 2) whose payload is random bytes, and pure random bytes.
      expect(await sendRaw(new Uint8Array([0, 2, 100, ...pseudoRandomBytes(100, seed)]))).toBe(4400);
      expect(await sendRaw(new Uint8Array([0, ...pseudoRandomBytes(64, seed * 7)]))).toBe(4400);
    }
    await stillSyncs(12);
    expect(maya.closes).toEqual([]);
  });

  it('closes a connection that sends a frame larger than a whole document may be (1009), and no other', async () => {
    expect(await sendRaw(new Uint8Array(MAX_DOC_BYTES + FRAME_OVERHEAD_BYTES + 1))).toBe(1009);
    await stillSyncs(13);
    expect(maya.closes).toEqual([]);
  });
});

describe('validation', () => {
  it('refuses an update that breaks the schema, says why, and neither stores nor broadcasts it', async () => {
    const rogue = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
    try {
      subs(rogue).get('sub-chat')!.set('licenses', -5);
      await until(() => rogue.refused.length > 0, 'the refusal');
      expect(rogue.refused[0]).toEqual({ code: 'invalid', message: expect.stringMatching(/^subscriptions\.sub-chat\.licenses: /) });
      rogue.doc.getMap('notes').set('x', 1);
      await until(() => rogue.refused.length > 1, 'the second refusal');
      expect(rogue.refused[1]!.message).toMatch(/Unknown collection "notes"|subscriptions\.sub-chat\.licenses|builds on a change that was refused/);
      await stillSyncs(14);
      expect(subs(mirror).get('sub-chat')?.get('licenses')).toBe(100);
      expect(mirror.doc.share.has('notes')).toBe(false);
    } finally {
      rogue.destroy();
    }
    const fresh = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
    expect(subs(fresh).get('sub-chat')?.get('licenses')).toBe(100);
    fresh.destroy();
  });
});
