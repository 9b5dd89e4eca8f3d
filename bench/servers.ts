import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_BUNDLE, buildServer } from '../server/build';
import { peerFile } from './peers';
import { freePort } from '../test/e2e/harness/free-port';

export type ServerKind = 'seatkeeper' | 'y-websocket' | 'hocuspocus';
export const SERVER_KINDS: readonly ServerKind[] = ['seatkeeper', 'y-websocket', 'hocuspocus'];

export const root = fileURLToPath(new URL('..', import.meta.url));

export interface BenchServer {
  kind: ServerKind;
  pid: number;
  wsUrl: string;
  /** performance.now() in this process when the child was spawned. */
  spawnedAt: number;
  stop(): Promise<void>;
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `seatkeeper-bench-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

let serverBuilt: Promise<void> | undefined;

/**
 * Starts one server as a child process on a fresh port, each with its own persistence in `dataDir`:
 * Seatkeeper's SQLite log (its prebuilt bundle, as `npm run server` starts it; built once per
 * run, before any timing), the reference server's y-leveldb (YPERSISTENCE), Hocuspocus' SQLite extension.
 */
export async function startBenchServer(kind: ServerKind, dataDir: string): Promise<BenchServer> {
  if (kind === 'seatkeeper') await (serverBuilt ??= buildServer());
  const port = await freePort();
  // BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it is stopped.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawn(process.execPath, [...profile, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const spawnedAt = performance.now();
  const child =
    kind === 'seatkeeper'
      ? node([SERVER_BUNDLE, '--host', '127.0.0.1', '--port', String(port), '--data', dataDir])
      : kind === 'y-websocket'
        ? node([peerFile('@y/websocket-server', 'src/server.js')], { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: join(dataDir, 'leveldb') })
        : node(['--import', 'tsx', 'bench/hocuspocus-server.ts', String(port), join(dataDir, 'hocuspocus.sqlite')]);
  await listening(child, kind === 'y-websocket' ? /running at/ : /listening on/);
  return {
    kind,
    pid: child.pid!,
    wsUrl: `ws://127.0.0.1:${port}`,
    spawnedAt,
    stop: () => stop(child),
  };
}

function listening(child: ChildProcess, ready: RegExp): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!ready.test(output)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve();
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // SIGTERM first, so that a server that handles it can write its CPU profile.
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(killer);
}
