/**
 * The load generator, a child process of server-load.ts so that its CPU is not the server's:
 * N purchasers, each on its own connection to its own room, and 5 admins watching every purchaser
 * room. Seatkeeper and the reference server get y-websocket's provider; Hocuspocus its own provider,
 * with one multiplexed socket per admin as Hocuspocus intends. Latency is measured in this process
 * (one clock): from a purchaser's edit to each admin's document seeing it.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { applyChanges } from '../lib/doc/apply';
import { demoOrg } from '../lib/org/demo';
import { demoSeedChanges } from '../lib/org/demo-seed';
import { ACKS_PARAM, MESSAGE_REFUSED, MESSAGE_STORED, readRefused } from '../lib/room/messages';
import { percentile, sleep } from './proc';
import type { ServerKind } from './servers';

export interface Setup {
  kind: ServerKind;
  wsUrl: string;
  rooms: string[];
  /** Access tokens (Seatkeeper only): one per room's purchaser, then one per admin. */
  purchaserTokens: string[];
  adminTokens: string[];
}

export interface StepResult {
  rate: number;
  sent: number;
  /** Deliveries expected (edits × admins) and seen within the step plus its drain time. */
  expected: number;
  delivered: number;
  p50: number;
  p99: number;
  generatorCpuMs: number;
  seconds: number;
}

export type Command = { cmd: 'setup'; setup: Setup } | { cmd: 'step'; rate: number; seconds: number } | { cmd: 'exit' };
export type Reply = { ok: 'ready' } | { ok: 'step'; result: StepResult } | { error: string };

const ADMINS = 5;
/** How long deliveries of a step's edits may still arrive after the step. */
const DRAIN_MS = 1500;
/** Connections opened at once while setting up, so setup measures nothing and floods nothing. */
const BATCH = 50;

/**
 * An edit (re)assigns one seat: it sets `assigned[ASSIGNEE]` on the purchaser's largest subscription
 * to a date that encodes the edit's sequence number, so whoever sees the value knows which edit it
 * is. A seat assignment, not a license change: license changes are billed by Seatkeeper's server,
 * which the peers have no counterpart for.
 */
const ASSIGNEE = 'admin-0';
const EPOCH = Date.UTC(2026, 0, 1);
const dateFor = (seq: number) => new Date(EPOCH + seq * 1000).toISOString();
const seqOf = (value: unknown) => (typeof value === 'string' ? (Date.parse(value) - EPOCH) / 1000 : -1);

interface Link {
  doc: Y.Doc;
  synced(): boolean;
}

function connect(setup: Setup, room: string, token: string | undefined, socket?: HocuspocusProviderWebsocket): Link {
  const doc = new Y.Doc();
  if (setup.kind === 'hocuspocus') {
    const provider = new HocuspocusProvider({
      websocketProvider: socket ?? new HocuspocusProviderWebsocket({ url: setup.wsUrl, WebSocketPolyfill: WebSocket }),
      name: room,
      document: doc,
    });
    provider.attach();
    return { doc, synced: () => provider.isSynced };
  }
  const provider = new WebsocketProvider(setup.wsUrl, room, doc, {
    // Seatkeeper's clients ask for acknowledgements, as the extension does; the peers ignore the parameter.
    params: token ? { token, [ACKS_PARAM]: '1' } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // Seatkeeper's stored/refused messages; a refusal would make the benchmark meaningless.
  provider.messageHandlers[MESSAGE_STORED] = () => undefined;
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder: unknown, decoder: decoding.Decoder) => {
    const { code, message } = readRefused(decoder);
    throw new Error(`${room}: the server refused an edit (${code}: ${message})`);
  };
  return { doc, synced: () => provider.synced };
}

async function inBatches<T>(items: readonly T[], open: (item: T) => Link): Promise<Link[]> {
  const links: Link[] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH).map(open);
    await until(() => batch.every((link) => link.synced()), 'connections to sync');
    links.push(...batch);
  }
  return links;
}

async function until(check: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const subscriptionOf = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('subscriptions').get(id);
const assignedOf = (doc: Y.Doc, id: string) => subscriptionOf(doc, id)?.get('assigned') as Y.Map<string> | undefined;

class Load {
  private purchasers: Link[] = [];
  private subscriptionId = '';
  /** Per room: when each edit was made (performance.now()), by sequence number. */
  private sentAt: number[][] = [];
  /** Per admin and room: the last sequence number that admin saw. */
  private lastSeen: number[][] = [];
  private latencies: number[] = [];

  async setup(setup: Setup): Promise<void> {
    const seed = demoSeedChanges(demoOrg(), new Date().toISOString());
    this.purchasers = await inBatches(setup.rooms, (room) => connect(setup, room, setup.purchaserTokens[setup.rooms.indexOf(room)]));
    // Seatkeeper's rooms hold the history already (server-load.ts); the peers' clients write it.
    if (setup.kind !== 'seatkeeper') for (const purchaser of this.purchasers) applyChanges(purchaser.doc, seed, null);
    const subs = this.purchasers[0]!.doc.getMap<Y.Map<unknown>>('subscriptions');
    this.subscriptionId = [...subs].find(([, sub]) => sub.get('licenses') === 100)![0];
    this.sentAt = setup.rooms.map(() => []);

    for (let a = 0; a < ADMINS; a++) {
      const socket = setup.kind === 'hocuspocus' ? new HocuspocusProviderWebsocket({ url: setup.wsUrl, WebSocketPolyfill: WebSocket }) : undefined;
      const links = await inBatches(setup.rooms, (room) => connect(setup, room, setup.adminTokens[a], socket));
      await until(() => links.every((link) => subscriptionOf(link.doc, this.subscriptionId)?.get('licenses') === 100), 'admins to see the seeds');
      this.lastSeen.push(setup.rooms.map(() => -1));
      links.forEach((link, room) => link.doc.on('update', () => this.seen(a, room, link.doc)));
    }
  }

  private seen(admin: number, room: number, doc: Y.Doc): void {
    const seq = seqOf(assignedOf(doc, this.subscriptionId)?.get(ASSIGNEE));
    const last = this.lastSeen[admin]!;
    if (seq <= last[room]!) return;
    last[room] = seq;
    this.latencies.push(performance.now() - this.sentAt[room]![seq]!);
  }

  async step(rate: number, seconds: number): Promise<StepResult> {
    this.latencies = [];
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    let sent = 0;
    let cursor = 0;
    while (performance.now() - start < seconds * 1000) {
      const due = Math.floor((rate * (performance.now() - start)) / 1000) - sent;
      for (let i = 0; i < due; i++, sent++) {
        const room = cursor++ % this.purchasers.length;
        const seqs = this.sentAt[room]!;
        const assigned = assignedOf(this.purchasers[room]!.doc, this.subscriptionId)!;
        seqs.push(performance.now());
        assigned.set(ASSIGNEE, dateFor(seqs.length - 1));
      }
      await sleep(5);
    }
    const expected = sent * ADMINS;
    const drainUntil = performance.now() + DRAIN_MS;
    while (this.latencies.length < expected && performance.now() < drainUntil) await sleep(10);
    const cpu = process.cpuUsage(cpuBefore);
    // Deliveries that never came count as slower than any that did.
    const sorted = [...this.latencies].sort((x, y) => x - y);
    while (sorted.length < expected) sorted.push(Number.POSITIVE_INFINITY);
    return {
      rate,
      sent,
      expected,
      delivered: this.latencies.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      generatorCpuMs: (cpu.user + cpu.system) / 1000,
      seconds,
    };
  }
}

// Every y-websocket provider listens for the process' exit; thousands of them are expected here.
process.setMaxListeners(0);
const load = new Load();
const reply = (message: Reply) => process.send!(message);
process.on('message', (command: Command) => {
  const run = async (): Promise<Reply> => {
    if (command.cmd === 'setup') {
      await load.setup(command.setup);
      return { ok: 'ready' };
    }
    if (command.cmd === 'step') return { ok: 'step', result: await load.step(command.rate, command.seconds) };
    process.exit(0);
  };
  run().then(reply, (error: unknown) => reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
