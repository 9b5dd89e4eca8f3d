import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command, Reply, Setup, StepResult } from './load-client';
import { cpuMs, rssBytes, sleep } from './proc';
import { accessTokens, purchaserRoom, seatkeeperOrg, storePurchaserHistories } from './seatkeeper-org';
import { startBenchServer, tempDir, type ServerKind } from './servers';

export interface LoadOptions {
  purchasers: number;
  /** Aggregate edits/s, stepped up until p99 passes `p99LimitMs`; the first is the steady rate latency is reported at. */
  rates: readonly number[];
  stepSeconds: number;
}

export interface LoadResult {
  kind: ServerKind;
  purchasers: number;
  /** Latency at the first (steady) rate. */
  p50Ms: number;
  p99Ms: number;
  /** Highest rate whose p99 stayed within the limit with every edit delivered; 0 if none did. */
  sustainedEditsPerS: number;
  rssPerRoomKiB: number;
  serverCpuMsPer1000Edits: number;
  /** Share of the generator's own CPU during the steady step, to show it was not the bottleneck. */
  generatorCpuShare: number;
  steps: StepResult[];
}

export const P99_LIMIT_MS = 100;
const ADMINS = 5;

/** One server under the purchasers-and-admins workload of load-client.ts; the generator runs in its own process. */
export async function serverLoad(kind: ServerKind, options: LoadOptions): Promise<LoadResult> {
  const data = tempDir(kind);
  // The same room names everywhere; only Seatkeeper checks tokens and members.
  const org = seatkeeperOrg(data.dir, 'org-bench', options.purchasers, ADMINS);
  if (kind === 'seatkeeper') storePurchaserHistories(data.dir, org.purchasers);
  const setup: Omit<Setup, 'wsUrl'> = {
    kind,
    rooms: org.purchasers.map(purchaserRoom),
    purchaserTokens: kind === 'seatkeeper' ? await accessTokens(data.dir, org.purchasers) : [],
    adminTokens: kind === 'seatkeeper' ? await accessTokens(data.dir, org.admins) : [],
  };
  const server = await startBenchServer(kind, data.dir);
  const generator = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ask = (command: Command) =>
    new Promise<Reply>((resolve, reject) => {
      generator.once('message', (reply: Reply) => ('error' in reply ? reject(new Error(`${kind} generator: ${reply.error}`)) : resolve(reply)));
      generator.send(command);
    });
  try {
    await sleep(500);
    const idleRss = rssBytes(server.pid);
    await ask({ cmd: 'setup', setup: { ...setup, wsUrl: server.wsUrl } });
    await sleep(500);
    const rssPerRoom = (rssBytes(server.pid) - idleRss) / options.purchasers;

    const steps: { result: StepResult; serverCpuMs: number }[] = [];
    for (const rate of options.rates) {
      const cpuBefore = cpuMs(server.pid);
      const reply = await ask({ cmd: 'step', rate, seconds: options.stepSeconds });
      if (!('ok' in reply) || reply.ok !== 'step') throw new Error('unexpected reply');
      // Infinity (a delivery that never came) crosses the IPC channel as null.
      const result = { ...reply.result, p50: reply.result.p50 ?? Infinity, p99: reply.result.p99 ?? Infinity };
      steps.push({ result, serverCpuMs: cpuMs(server.pid) - cpuBefore });
      if (!passes(result)) break;
    }
    const steady = steps[0]!;
    const passing = steps.filter((step) => passes(step.result));
    return {
      kind,
      purchasers: options.purchasers,
      p50Ms: steady.result.p50,
      p99Ms: steady.result.p99,
      sustainedEditsPerS: passing.length ? Math.max(...passing.map((step) => step.result.rate)) : 0,
      rssPerRoomKiB: rssPerRoom / 1024,
      serverCpuMsPer1000Edits: (steady.serverCpuMs / steady.result.sent) * 1000,
      generatorCpuShare: steady.result.generatorCpuMs / (steady.result.seconds * 1000),
      steps: steps.map((step) => step.result),
    };
  } finally {
    generator.kill('SIGKILL');
    await server.stop();
    data.remove();
  }
}

const passes = (step: StepResult) => step.p99 <= P99_LIMIT_MS && step.delivered === step.expected;
