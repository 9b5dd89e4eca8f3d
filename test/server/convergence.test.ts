import { describe, it } from 'vitest';
import * as Y from 'yjs';
import type { CommandName } from '../../lib/messaging/requests';
import { readState } from '../../lib/doc/read';
import { ServerNotice } from '../../lib/room/billing-doc';
import { MESSAGE_REFUSED } from '../../lib/room/messages';
import type { PurchaserState } from '../../lib/state';
import { CancelReason, type Subscription } from '../../lib/subscriptions/schema';
import { until } from '../fixtures/until';
import { MAYA, ORG, RILEY, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, startServer, tempDataDir, withAdmin, type Client, type ServerProcess } from './harness';
import { startNetworkCut, type NetworkCut } from './network-cut';
import { nodeDevice } from './node-device';

/**
 * Seeded, randomized convergence against the real server process. Per seed: one purchaser (Maya)
 * with three devices (the extension's background in Node, each behind its own cuttable link, see
 * network-cut.ts), an admin watching her room, and a random walk of steps: a device goes offline or
 * online (sometimes editing the moment its socket opens, before its offline changes went up), or
 * assigns, unassigns, sets licenses, cancels or reactivates through the same command messages as
 * the UI; for about half of the seeds the server is killed with SIGKILL mid-run and started again
 * on the same port and data while the devices keep editing. At the end every device is online and
 * synced, and:
 * 1. every device's document, the admin watcher's and a fresh reader's read the same;
 * 2. the server refused nothing (every MESSAGE_REFUSED on any device's link is recorded as it passes);
 * 3. no edit is lost: an assignment a command made stays, unless an unassign of the same license
 *    came later, or from another device (that one may have been concurrent, and a concurrent
 *    unassign may win), or the server's correction of a merge past the licenses dropped it (the
 *    server is the authority: a notice in the billing room, watched throughout, names the person);
 *    each license total and status is one some command set, or the initial one. More people
 *    assigned than licenses at the end is a merge the rules allow: noted, not failed.
 *
 * Choices are a function of the seed only: the plan (which device, which action, the pauses, the
 * kill) is drawn before the run, and each step's random numbers pick its inputs from what the
 * device shows at that moment (its Dexie tables, as the UI reads them).
 * Replay one: SEATKEEPER_SEEDS=7 npx vitest run --project server test/server/convergence.test.ts
 * (SEATKEEPER_STEPS and SEATKEEPER_CONCURRENCY change the length of a run and how many seeds run at once;
 * SEATKEEPER_VERBOSE=1 prints every run's steps, also when it passes).
 */

const DEFAULT_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const SEEDS = process.env.SEATKEEPER_SEEDS
  ? process.env.SEATKEEPER_SEEDS.split(',').map((s) => Number.parseInt(s.trim(), 10)).filter((n) => Number.isFinite(n))
  : DEFAULT_SEEDS;
const STEPS = Number(process.env.SEATKEEPER_STEPS ?? 60);
/** Seeds run at once: each has its own server process, and most of a run is waiting on sockets. */
const CONCURRENCY = Math.max(1, Number(process.env.SEATKEEPER_CONCURRENCY ?? 3));
const DEVICES = 3;
// Every y-websocket provider listens to the process' exit: 11 per seed, several seeds at once.
process.setMaxListeners(20 * CONCURRENCY + 10);
/** How long a link that comes back with an edit holds the server's frames after the upgrade. */
const LAG_MS = 300;
/** After the socket opened, before the edit: time for the device to handle the 101 (well inside LAG_MS). */
const OPEN_SETTLE_MS = 15;
/** Bought by device 0 before the random phase; the steps edit these and SEEDED_TARGET. */
const PURCHASES = [
  { productId: 'prod-pdf', licenses: 10 },
  { productId: 'prod-whiteboard', licenses: 10 },
];
/** The demo's design subscription (10 licenses, 4 assigned, written by the CLI's seed). */
const SEEDED_TARGET = 'sub-design';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type EditKind = 'assign' | 'unassign' | 'setLicenses' | 'cancelOrReactivate';
type Rolls = readonly [number, number, number];
type Step =
  | { kind: 'offline'; device: number; pauseMs: number }
  | { kind: 'online'; device: number; pauseMs: number; thenEdit?: { edit: EditKind; r: Rolls } }
  | { kind: 'edit'; device: number; pauseMs: number; edit: EditKind; r: Rolls };
interface Plan {
  steps: Step[];
  kill?: { atStep: number; downMs: number };
}

function editKind(x: number): EditKind {
  if (x < 0.35) return 'assign';
  if (x < 0.55) return 'unassign';
  if (x < 0.85) return 'setLicenses';
  return 'cancelOrReactivate';
}

/**
 * The edit made the moment a socket opens leans to the ones that overwrite a field (a license total,
 * a status): behind the device's offline changes, such an update deletes a value the server has and
 * sets one whose predecessors it has not seen yet.
 */
function editOnOpenKind(x: number): EditKind {
  if (x < 0.2) return 'assign';
  if (x < 0.3) return 'unassign';
  if (x < 0.8) return 'setLicenses';
  return 'cancelOrReactivate';
}

/** The whole run, from the seed alone: the same number of draws per step whatever the step becomes. */
function makePlan(seed: number): Plan {
  const rng = mulberry32(seed);
  const online = Array.from({ length: DEVICES }, () => true);
  const steps: Step[] = [];
  for (let i = 0; i < STEPS; i++) {
    const device = Math.floor(rng() * DEVICES);
    const network = rng() < 0.3;
    const kind = rng();
    const r: Rolls = [rng(), rng(), rng()];
    const pauseMs = Math.floor(rng() * 60);
    const editOnOpen = rng() < 0.6;
    if (!network) steps.push({ kind: 'edit', device, pauseMs, edit: editKind(kind), r });
    else if (online[device]) {
      online[device] = false;
      steps.push({ kind: 'offline', device, pauseMs });
    } else {
      online[device] = true;
      steps.push({ kind: 'online', device, pauseMs, ...(editOnOpen ? { thenEdit: { edit: editOnOpenKind(kind), r } } : {}) });
    }
  }
  const kills = rng() < 0.5;
  const at = rng();
  const down = rng();
  return { steps, ...(kills ? { kill: { atStep: Math.floor(STEPS * (0.25 + 0.5 * at)), downMs: 100 + Math.floor(400 * down) } } : {}) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** JSON with sorted keys: Y.Map's toJSON lists keys in the order each replica integrated them. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Paths where two plain values differ, for the failure message. */
function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 8): string[] {
  if (out.length >= limit) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out, limit);
  } else if (canonical(a) !== canonical(b)) out.push(`${path}: ${canonical(a)} vs ${canonical(b)}`);
  return out;
}

let running = 0;
const queued: (() => void)[] = [];
/** At most CONCURRENCY seeds at once. */
async function slot<T>(run: () => Promise<T>): Promise<T> {
  while (running >= CONCURRENCY) await new Promise<void>((resolve) => queued.push(resolve));
  running++;
  try {
    return await run();
  } finally {
    running--;
    queued.shift()?.();
  }
}

/** When each MESSAGE_REFUSED reached a harness client, next to the refusals it records. */
function whenRefused(client: Client): number[] {
  const at: number[] = [];
  const handlers = client.provider.messageHandlers as ((...args: unknown[]) => void)[];
  const record = handlers[MESSAGE_REFUSED]!;
  handlers[MESSAGE_REFUSED] = (...args) => {
    at.push(Date.now());
    record(...args);
  };
  return at;
}

type Device = Awaited<ReturnType<typeof nodeDevice>> & { link: NetworkCut; index: number };

interface Assignment {
  step: number;
  device: number;
  sub: string;
  person: string;
  /** Date.now() when the command was sent. */
  at: number;
}

/** One seed's run; resolves with what went wrong (empty when it converged with nothing refused or lost). */
async function runSeed(seed: number): Promise<{ problems: string[]; log: string[]; notes: string[] }> {
  const plan = makePlan(seed);
  const data = tempDataDir();
  const started = Date.now();
  const log: string[] = [];
  const notes: string[] = [];
  const problems: string[] = [];
  const say = (line: string): void => void log.push(`+${String(Date.now() - started).padStart(5)}ms ${line}`);
  const stepStarts: number[] = [];
  const devices: Device[] = [];
  const clients: Client[] = [];
  let server: ServerProcess | undefined;
  let restarting: Promise<void> | undefined;
  let endStarted = Infinity;

  try {
    withAdmin(data.dir, seedTwoOrgs);
    server = await startServer(data.dir);
    const port = server.port;
    const adminToken = await mint(data.dir, RILEY);
    const watcher = await connectSynced(server.wsUrl, room.purchaser(MAYA), adminToken);
    clients.push(watcher);
    const watcherRefusedAt = whenRefused(watcher);
    // The server's corrections, as it tells the purchaser: notices in the billing room (the latest 50 kept, so watched as they come).
    const billingWatcher = await connectSynced(server.wsUrl, room.billing(MAYA), adminToken);
    clients.push(billingWatcher);
    const notices = new Map<string, ServerNotice>();
    billingWatcher.doc.on('update', () => {
      for (const [key, entry] of billingWatcher.doc.getMap<unknown>('notices')) {
        const notice = ServerNotice.safeParse(entry instanceof Y.Map ? entry.toJSON() : entry);
        if (notice.success && !notices.has(key)) notices.set(key, notice.data);
      }
    });

    for (let index = 0; index < DEVICES; index++) {
      const link = await startNetworkCut({ host: '127.0.0.1', port });
      devices.push({ ...(await nodeDevice(`s${seed}d${index}`)), link, index });
    }
    await Promise.all(
      devices.map(async (device) => {
        const code = withAdmin(data.dir, (admin) => admin.createSignInCode(ORG, MAYA.personId));
        const reply = await device.service.handle({ type: 'signIn', serverUrl: device.link.url, code });
        if (!reply.ok) throw new Error(`device ${device.index} could not sign in: ${JSON.stringify(reply)}`);
        await device.synced(30_000);
        await until(async () => (await device.db.products.count()) > 0 && (await device.db.paymentMethods.get('pm-visa')), `device ${device.index} to show the catalog and the card`, 15_000);
      }),
    );

    // Setup: device 0 buys, every device sees the purchases.
    const buyer = devices[0]!;
    const targets: string[] = [];
    for (const { productId, licenses } of PURCHASES) {
      const before = new Set((await buyer.db.subscriptions.toArray()).map((s) => s.id));
      const reply = await buyer.service.handle({ type: 'command', name: 'buy', input: { productId, licenses, term: 'monthly', paymentMethodId: 'pm-visa' } });
      if (!reply.ok) throw new Error(`buying ${productId} failed: ${JSON.stringify(reply)}`);
      targets.push((await buyer.db.subscriptions.toArray()).find((s) => !before.has(s.id))!.id);
    }
    targets.push(SEEDED_TARGET);
    for (const device of devices) {
      await device.synced(30_000);
      await until(async () => (await device.db.subscriptions.bulkGet(targets)).every(Boolean), `device ${device.index} to show the purchases`, 15_000);
    }
    const initial = readState(buyer.store.doc).subscriptions;
    const totals = new Map(targets.map((id) => [id, new Set([initial[id]!.licenses])]));
    const statuses = new Map(targets.map((id) => [id, new Set<string>([initial[id]!.status])]));
    const assignments: Assignment[] = [];
    const unassignments: Assignment[] = [];
    say(`setup done: targets ${targets.join(', ')}; plan: ${plan.kill ? `kill -9 at step ${plan.kill.atStep}, down ${plan.kill.downMs} ms` : 'no kill'}`);

    async function edit(step: number, device: Device, kind: EditKind, r: Rolls, label: string): Promise<void> {
      const subs = (await device.db.subscriptions.bulkGet(targets)).filter((s): s is Subscription => !!s);
      const sub = subs[Math.floor(r[0] * subs.length)];
      if (!sub) return say(`#${step} d${device.index} ${label}${kind}: no subscription shown`);
      const assigned = Object.keys(sub.assigned).sort();
      let name: CommandName;
      let input: Record<string, unknown>;
      switch (kind) {
        case 'assign': {
          const people = (await device.db.people.toArray()).filter((p) => !(p.id in sub.assigned)).map((p) => p.id);
          const free = sub.licenses - assigned.length;
          const count = Math.min(r[1] < 0.5 ? 1 : 2, Math.max(1, free), people.length);
          if (!count) return say(`#${step} d${device.index} ${label}assign: nobody left to assign`);
          const first = Math.floor(r[2] * people.length);
          name = 'assign';
          input = { subscriptionId: sub.id, personIds: Array.from({ length: count }, (_, i) => people[(first + i) % people.length]!) };
          break;
        }
        case 'unassign': {
          if (!assigned.length) return say(`#${step} d${device.index} ${label}unassign: nobody assigned on ${sub.id}`);
          const count = Math.min(r[1] < 0.6 ? 1 : 2, assigned.length);
          const first = Math.floor(r[2] * assigned.length);
          name = 'unassign';
          input = { subscriptionId: sub.id, personIds: Array.from({ length: count }, (_, i) => assigned[(first + i) % assigned.length]!) };
          break;
        }
        case 'setLicenses': {
          const max = (await device.db.products.get(sub.productId))?.maxLicenses ?? sub.licenses + 4;
          const low = Math.max(1, assigned.length);
          const high = Math.max(low, Math.min(max, sub.licenses + 4));
          let total = low + Math.floor(r[1] * (high - low + 1));
          if (total === sub.licenses) total = total + 1 <= high ? total + 1 : Math.max(low, total - 1);
          name = 'setLicenses';
          input = { subscriptionId: sub.id, total };
          break;
        }
        case 'cancelOrReactivate':
          if (sub.status === 'canceled') {
            name = 'reactivate';
            input = { subscriptionId: sub.id };
          } else {
            name = 'cancel';
            input = { subscriptionId: sub.id, reason: CancelReason.options[Math.floor(r[1] * CancelReason.options.length)]!, feedback: '' };
          }
          break;
      }
      const at = Date.now();
      const reply = await device.service.handle({ type: 'command', name, input });
      const { subscriptionId: _id, ...args } = input;
      say(`#${step} d${device.index} ${label}${name} ${sub.id} ${canonical(args)} → ${reply.ok ? 'ok' : `refused by the device: ${canonical(reply.errors)}`}`);
      if (!reply.ok) return;
      const personIds = (input.personIds as string[] | undefined) ?? [];
      if (name === 'assign') for (const person of personIds) assignments.push({ step, device: device.index, sub: sub.id, person, at });
      if (name === 'unassign') for (const person of personIds) unassignments.push({ step, device: device.index, sub: sub.id, person, at });
      if (name === 'setLicenses') totals.get(sub.id)!.add(input.total as number);
      if (name === 'cancel') statuses.get(sub.id)!.add('canceled');
      if (name === 'reactivate') statuses.get(sub.id)!.add('active');
    }

    // The random phase.
    for (const [i, step] of plan.steps.entries()) {
      stepStarts.push(Date.now());
      if (plan.kill && i === plan.kill.atStep) {
        await server.kill('SIGKILL');
        say(`#${i} kill -9 the server`);
        const downMs = plan.kill.downMs;
        restarting = sleep(downMs).then(async () => {
          server = await startServer(data.dir, { port });
          say(`server back on port ${port}`);
        });
      }
      const device = devices[step.device]!;
      if (step.kind === 'offline') {
        device.link.cut();
        say(`#${i} d${step.device} offline`);
      } else if (step.kind === 'online' && !step.thenEdit) {
        device.link.restore();
        say(`#${i} d${step.device} online`);
      } else if (step.kind === 'online' && step.thenEdit) {
        const opened = device.link.nextOpen('/purchaser/', 500);
        device.link.restore({ lagMs: LAG_MS });
        const open = await opened;
        say(`#${i} d${step.device} online, ${open ? 'purchaser socket open' : 'purchaser socket not open within 500 ms'}; edits at once`);
        await sleep(OPEN_SETTLE_MS);
        await edit(i, device, step.thenEdit.edit, step.thenEdit.r, 'on open: ');
      } else if (step.kind === 'edit') {
        await edit(i, device, step.edit, step.r, device.link.down ? '(offline) ' : '');
      }
      await sleep(step.pauseMs);
    }

    // The end: everyone online and synced, then compare.
    endStarted = Date.now();
    await restarting;
    for (const device of devices) if (device.link.down) device.link.restore();
    say('all devices online');
    for (const device of devices) {
      await device.synced(30_000).catch(async () => problems.push(`device ${device.index} never said all changes synced: ${canonical(await device.meta())}`));
    }
    const reader = await connectSynced(server!.wsUrl, room.purchaser(MAYA), await mint(data.dir, RILEY));
    clients.push(reader);
    const replicas = (): [string, PurchaserState][] => [
      ...devices.map((d): [string, PurchaserState] => [`device ${d.index}`, readState(d.store.doc)]),
      ['admin watcher', readState(watcher.doc)],
    ];
    await until(() => replicas().every(([, state]) => canonical(state) === canonical(readState(reader.doc))), 'every replica to read as the fresh reader', 15_000).catch(
      () => undefined,
    );
    const truth = readState(reader.doc);
    for (const [who, state] of replicas()) {
      const diff = differences(state, truth);
      if (diff.length) problems.push(`${who} differs from a fresh reader of the room:\n    ${diff.join('\n    ')}`);
    }
    say('compared');

    // 2. Nothing refused, on any link or to the admin.
    const stepAt = (at: number) => {
      let step = -1;
      for (const [i, start] of stepStarts.entries()) if (start <= at) step = i;
      const phase = step < 0 ? 'during setup' : at >= endStarted ? 'after the steps, while syncing up' : `during step #${step}`;
      return `at +${at - started}ms, ${phase}`;
    };
    for (const device of devices) {
      for (const refusal of device.link.refusals) {
        problems.push(`device ${device.index} was refused ${stepAt(refusal.at)} (${refusal.path.split('?')[0]}): ${refusal.code}: ${refusal.message}`);
      }
      for (const error of device.link.tapErrors) problems.push(`device ${device.index}'s link could not read a frame: ${error}`);
      const meta = await device.meta();
      if (meta && 'problem' in meta && meta.problem) problems.push(`device ${device.index}'s sync row still says: ${meta.problem}`);
    }
    for (const [i, refusal] of watcher.refused.entries()) {
      problems.push(`the admin watcher (a read-only client that never edits) was refused ${stepAt(watcherRefusedAt[i] ?? 0)}: ${refusal.code}: ${refusal.message}`);
    }
    for (const refusal of [...billingWatcher.refused, ...reader.refused]) problems.push(`an admin reader was refused: ${refusal.code}: ${refusal.message}`);

    // 3. No edit lost.
    const names = new Map((await buyer.db.people.toArray()).map((p) => [p.id, p.displayName]));
    /** The server's notice that dropped this assignment, if one names the person after the assignment was made. */
    const correction = (a: Assignment) =>
      [...notices.values()].find((n) => n.subscriptionId === a.sub && Date.parse(n.at) >= a.at && (n.message.includes(names.get(a.person) ?? a.person) || n.message.includes(a.person)));
    for (const notice of notices.values()) notes.push(`the server's notice on ${notice.subscriptionId ?? '-'} at ${notice.at}: ${notice.message}`);
    for (const id of targets) {
      const sub = truth.subscriptions[id];
      if (!sub) {
        problems.push(`${id} is gone from the room`);
        continue;
      }
      for (const a of assignments.filter((x) => x.sub === id)) {
        if (a.person in sub.assigned) continue;
        const excused = unassignments.some((u) => u.sub === id && u.person === a.person && (u.step > a.step || u.device !== a.device));
        if (!excused && !correction(a)) problems.push(`${id}: ${a.person}, assigned by device ${a.device} at step #${a.step} is not assigned (no later step, and no other device, unassigned it)`);
      }
      if (!totals.get(id)!.has(sub.licenses)) problems.push(`${id}: ${sub.licenses} licenses, a total no command set (${[...totals.get(id)!].join(', ')})`);
      if (!statuses.get(id)!.has(sub.status)) problems.push(`${id}: status ${sub.status}, which no command set (${[...statuses.get(id)!].join(', ')})`);
      const count = Object.keys(sub.assigned).length;
      if (count > sub.licenses) notes.push(`${id}: ${count} people assigned to ${sub.licenses} licenses (a merge the rules allow today)`);
    }
    say(`${assignments.length} assignments, ${unassignments.length} unassignments checked`);
  } catch (error) {
    problems.push(`the run stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    for (const device of devices) device.sync.stop();
    for (const client of clients) client.destroy();
    await restarting?.catch(() => undefined);
    await Promise.all(devices.map((device) => device.link.close()));
    await server?.kill('SIGKILL');
    data.remove();
  }
  return { problems, log, notes };
}

describe('convergence under offline edits, reconnects and kill -9 (seeded)', () => {
  it.concurrent.each(SEEDS)(
    'seed %i: every replica converges, nothing is refused or lost',
    async (seed) => {
      const { problems, log, notes } = await slot(() => runSeed(seed));
      if (process.env.SEATKEEPER_VERBOSE) console.log([`seed ${seed}:`, ...log, ...notes, ...problems].join('\n'));
      if (!problems.length) return;
      throw new Error(
        [
          `seed ${seed} (replay: SEATKEEPER_SEEDS=${seed} npx vitest run --project server test/server/convergence.test.ts):`,
          ...problems.map((p) => `  - ${p}`),
          ...(notes.length ? ['notes:', ...notes.map((n) => `  ${n}`)] : []),
          `run of seed ${seed}:`,
          ...log.map((line) => `  ${line}`),
        ].join('\n'),
      );
    },
    120_000,
  );
});
