import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges } from '../../lib/doc/apply';
import type { Change } from '../../lib/doc/change';
import type { Refusal } from '../../lib/room/messages';
import type { Who } from '../../server/auth';
import { openDb } from '../../server/db';
import { appendChange } from '../../server/room-log';
import { BEA, MAYA, ORG, RILEY, room, seedTwoOrgs } from './fixture';
import { connectRefused, connectSynced, mint, startServer, tempDataDir, until, withAdmin, type Client, type ServerProcess } from './harness';

/**
 * Support requests against one real server process: a purchaser's new request is received (in
 * their room and in the organization's support inbox, one commit), an admin marks it handled over
 * HTTP and the purchaser's request says so, both survive a restart; hostile clients with real
 * tokens cannot receive, handle or rewrite a request, nor read or write the inbox.
 */
const data = tempDataDir();
let server: ServerProcess;
const opened: Client[] = [];
const INBOX = `support/${ORG}`;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
});

afterEach(() => {
  for (const client of opened.splice(0)) client.destroy();
});

afterAll(async () => {
  for (const client of opened.splice(0)) client.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

async function join(name: string, as: Who): Promise<Client> {
  const client = await connectSynced(server.wsUrl, name, await mint(data.dir, as));
  opened.push(client);
  return client;
}

function entity(client: Client, root: string, key: string): Record<string, unknown> | undefined {
  const value = client.doc.getMap<unknown>(root).get(key);
  return value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : undefined;
}

/** Writes from `client` and waits for the server's verdict: the refusal, or 'stored' once everything local is acknowledged. */
async function verdictOf(client: Client, changes: readonly Change[] | (() => void)): Promise<Refusal | 'stored'> {
  const refused = client.refused.length;
  const stored = client.stored.length;
  if (typeof changes === 'function') changes();
  else applyChanges(client.doc, changes, null);
  await until(() => client.refused.length > refused || (client.stored.length > stored && client.allStored()), 'the server’s verdict', 15_000, () => client.refused);
  return client.refused[refused] ?? 'stored';
}

const rowsOf = (name: string) => {
  const db = openDb(data.dir);
  try {
    return (db.prepare('SELECT count(*) AS n FROM updates WHERE room = ?').get(name) as { n: number }).n;
  } finally {
    db.close();
  }
};

const newRequest = (id: string, fields: Record<string, unknown> = {}): Change => ({
  op: 'put',
  collection: 'supportRequests',
  id,
  fields: { subject: 'Invoice SK-000004 shows the wrong tax', message: 'Our rate changed in October.', email: 'maya.okafor@northwind.example', createdAt: new Date().toISOString(), status: 'queued', ...fields },
});

async function markHandled(key: string, as: Who | undefined): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (as) headers.Authorization = `Bearer ${await mint(data.dir, as)}`;
  const response = await fetch(`${server.url}/api/support/handled`, { method: 'POST', headers, body: JSON.stringify({ key }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Maya sends a request through an honest client; resolves once it is received. */
async function sent(): Promise<{ maya: Client; id: string; key: string }> {
  const maya = await join(room.purchaser(MAYA), MAYA);
  const id = `sr-${randomUUID().slice(0, 8)}`;
  expect(await verdictOf(maya, [newRequest(id)])).toBe('stored');
  return { maya, id, key: `${MAYA.personId}/${id}` };
}

describe('a support request reaches the admins', () => {
  it('is received in the purchaser’s room and in the support inbox, in one commit', async () => {
    const inbox = await join(INBOX, RILEY);
    const [purchaserRows, inboxRows] = [rowsOf(room.purchaser(MAYA)), rowsOf(INBOX)];
    const before = Date.now();
    const { maya, id, key } = await sent();

    const request = entity(maya, 'supportRequests', id)!;
    expect(request.status).toBe('received');
    expect(Date.parse(String(request.receivedAt))).toBeGreaterThanOrEqual(before - 1_000);
    await until(() => entity(inbox, 'requests', key) !== undefined, 'the request in the admins’ inbox');
    expect(entity(inbox, 'requests', key)).toEqual({
      purchaserId: MAYA.personId,
      purchaserName: 'Maya Okafor',
      requestId: id,
      subject: 'Invoice SK-000004 shows the wrong tax',
      message: 'Our rate changed in October.',
      email: 'maya.okafor@northwind.example',
      createdAt: request.createdAt,
      receivedAt: request.receivedAt,
    });
    // The purchaser's update and its correction are one row; the inbox entry is one more, in the same commit.
    expect(rowsOf(room.purchaser(MAYA))).toBe(purchaserRows + 1);
    expect(rowsOf(INBOX)).toBe(inboxRows + 1);
  });

  it('is marked handled by an admin: the inbox and the purchaser’s request say when, also after a restart', async () => {
    const { maya, id, key } = await sent();
    const inbox = await join(INBOX, RILEY);
    await until(() => entity(inbox, 'requests', key) !== undefined, 'the request in the inbox');

    const marked = await markHandled(key, RILEY);
    expect(marked.status).toBe(200);
    const handledAt = String(marked.body.handledAt);
    expect(marked.body).toEqual({ key, handledAt });
    await until(() => entity(maya, 'supportRequests', id)?.status === 'handled', 'the purchaser to see it handled');
    expect(entity(maya, 'supportRequests', id)?.handledAt).toBe(handledAt);
    await until(() => entity(inbox, 'requests', key)?.handledAt === handledAt, 'the inbox to say handled');
    expect(entity(inbox, 'requests', key)?.handledBy).toBe(RILEY.personId);

    // A second click changes nothing.
    expect(await markHandled(key, RILEY)).toEqual({ status: 200, body: { key, handledAt } });

    for (const client of opened.splice(0)) client.destroy();
    await server.kill('SIGKILL');
    server = await startServer(data.dir, { port: server.port });
    const [purchaserAfter, inboxAfter] = [await join(room.purchaser(MAYA), RILEY), await join(INBOX, RILEY)];
    expect(entity(purchaserAfter, 'supportRequests', id)).toMatchObject({ status: 'handled', handledAt });
    expect(entity(inboxAfter, 'requests', key)).toMatchObject({ handledAt, handledBy: RILEY.personId });
  });
});

describe('requests stored before the server received them', () => {
  it('receives a request still queued in storage once the server has started', async () => {
    await server.kill('SIGKILL');
    // What a server before this release stored, or the CLI wrote: no rule saw it.
    withAdmin(data.dir, (admin) => appendChange(admin.store, { kind: 'purchaser', orgId: ORG, personId: MAYA.personId }, (doc) => applyChanges(doc, [newRequest('sr-stored-queued')], null)));
    server = await startServer(data.dir, { port: server.port });

    const maya = await join(room.purchaser(MAYA), MAYA);
    const inbox = await join(INBOX, RILEY);
    await until(() => entity(maya, 'supportRequests', 'sr-stored-queued')?.status === 'received', 'the stored request to be received');
    await until(() => entity(inbox, 'requests', `${MAYA.personId}/sr-stored-queued`) !== undefined, 'the stored request in the inbox');
    expect(entity(inbox, 'requests', `${MAYA.personId}/sr-stored-queued`)?.receivedAt).toBe(entity(maya, 'supportRequests', 'sr-stored-queued')?.receivedAt);
  });
});

describe('hostile clients: only the server receives and handles a request', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['written as received', { status: 'received', receivedAt: new Date().toISOString() }, 'status: only the server receives a request'],
    ['written as handled', { status: 'handled', handledAt: new Date().toISOString() }, 'status: only the server receives a request'],
    ['queued with a received date', { receivedAt: new Date().toISOString() }, 'receivedAt: set by the server only'],
  ])('refuses a new request %s, and nothing reaches the inbox', async (_what, fields, message) => {
    const rogue = await join(room.purchaser(MAYA), MAYA);
    const inbox = await join(INBOX, RILEY);
    const inboxRows = rowsOf(INBOX);
    const id = `sr-${randomUUID().slice(0, 8)}`;
    expect(await verdictOf(rogue, [newRequest(id, fields)])).toEqual({ code: 'invalid', message: expect.stringContaining(`supportRequests.${id}.${message}`) });

    const { key } = await sent();
    await until(() => entity(inbox, 'requests', key) !== undefined, 'the honest request after it in the inbox');
    expect(entity(inbox, 'requests', `${MAYA.personId}/${id}`)).toBeUndefined();
    expect(entity(await join(room.purchaser(MAYA), RILEY), 'supportRequests', id)).toBeUndefined();
    expect(rowsOf(INBOX)).toBe(inboxRows + 1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['marks it handled', { status: 'handled', handledAt: new Date().toISOString() }, 'status: set by the server only'],
    ['moves its received date', { receivedAt: '2020-01-01T00:00:00.000Z' }, 'receivedAt: set by the server only'],
    ['rewrites its message', { message: 'Never mind what I wrote.' }, 'message: a sent request is not changed; send a new one'],
  ])('refuses a purchaser who %s after it was received', async (_what, fields, message) => {
    const { maya, id, key } = await sent();
    const request = entity(maya, 'supportRequests', id);
    expect(await verdictOf(maya, [{ op: 'put', collection: 'supportRequests', id, fields }])).toEqual({ code: 'invalid', message: expect.stringContaining(`supportRequests.${id}.${message}`) });
    expect(entity(await join(room.purchaser(MAYA), RILEY), 'supportRequests', id)).toEqual(request);
    expect(entity(await join(INBOX, RILEY), 'requests', key)).not.toHaveProperty('handledAt');
  });

  it('keeps purchasers out of the inbox, and refuses an admin’s own write to it as read-only', async () => {
    const { key } = await sent();
    expect(await connectRefused(server.wsUrl, INBOX, await mint(data.dir, MAYA))).toEqual({ code: 4403, reason: 'Room not allowed' });
    expect(await connectRefused(server.wsUrl, INBOX, await mint(data.dir, BEA))).toEqual({ code: 4403, reason: 'Room not allowed' });

    const admin = await join(INBOX, RILEY);
    await until(() => entity(admin, 'requests', key) !== undefined, 'the request in the inbox');
    const verdict = await verdictOf(admin, () => (admin.doc.getMap('requests').get(key) as Y.Map<unknown>).set('handledAt', new Date().toISOString()));
    expect(verdict).toEqual({ code: 'read-only', message: `You can read ${INBOX} but not change it.` });
    expect(entity(await join(INBOX, RILEY), 'requests', key)).not.toHaveProperty('handledAt');
  });

  it('marks handled only for an admin of the request’s organization', async () => {
    const { maya, id, key } = await sent();
    expect(await markHandled(key, undefined)).toEqual({ status: 401, body: { error: 'Sign in again.' } });
    expect(await markHandled(key, MAYA)).toEqual({ status: 403, body: { error: 'Only an IT admin marks support requests handled.' } });
    expect(await markHandled(key, BEA)).toEqual({ status: 404, body: { error: 'No such support request.' } });
    expect(await markHandled(`${MAYA.personId}/sr-unknown`, RILEY)).toEqual({ status: 404, body: { error: 'No such support request.' } });

    expect(entity(await join(INBOX, RILEY), 'requests', key)).not.toHaveProperty('handledAt');
    expect(entity(maya, 'supportRequests', id)?.status).toBe('received');
  });
});
