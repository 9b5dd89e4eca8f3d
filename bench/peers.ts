/**
 * The benchmark's peers (Hocuspocus with its SQLite extension, @y/websocket-server with y-leveldb)
 * live in bench/package.json, apart from the product's dependencies: their native modules (sqlite3,
 * leveldown) would otherwise be compiled by every `npm install`. They are installed into
 * bench/node_modules on first use, from bench/package-lock.json. Node resolves bench/ files'
 * imports there first and then in the root node_modules, which keeps the one copy of yjs,
 * y-protocols and ws the product uses (installed with --legacy-peer-deps, so no second yjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = fileURLToPath(new URL('.', import.meta.url));
const installed = join(benchDir, 'node_modules', '.package-lock.json');
const lock = join(benchDir, 'package-lock.json');

/** Installs the peers when they are missing or older than the lock file. */
export function ensurePeers(log: (message: string) => void): void {
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing the peers the benchmarks compare against (bench/package.json; first run only, about a minute)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // npm's output goes to stderr: stdout is the benchmark's table.
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--legacy-peer-deps'], { cwd: benchDir, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) throw new Error(`npm ci in bench/ failed (exit ${result.status})`);
}

/** A file of an installed peer package, e.g. the reference server's entry point (not always in its exports). */
export function peerFile(pkg: string, file: string): string {
  return join(dirname(createRequire(join(benchDir, 'package.json')).resolve(`${pkg}/package.json`)), file);
}
