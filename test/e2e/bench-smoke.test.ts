/**
 * The benchmark suite at its smoke size (bench/run.ts --smoke): checks only that it runs end to end
 * and prints one well-formed table. Timings on a shared CI machine mean nothing, so none are asserted.
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { ROOT } from './harness/paths';

test('npm run bench -- --smoke prints one well-formed table', () => {
  // The e2e global setup has built the extension already. On a fresh clone the run first installs
  // the peers (bench/package.json), compiling sqlite3: about a minute more.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--skip-build'], { cwd: ROOT, encoding: 'utf8', timeout: 400_000 });
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.trim().split('\n');
  const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
  expect(cells(lines[0]!)).toEqual(['Metric', 'Seatkeeper', '@y/websocket-server', 'Hocuspocus', 'SK / y-ws', 'SK / Hocuspocus', 'Target', 'Met']);
  expect(cells(lines[1]!).every((cell) => cell === '---')).toBe(true);
  const rows = lines.slice(2).map(cells);
  expect(rows.length).toBeGreaterThanOrEqual(12);
  for (const row of rows) {
    expect(row).toHaveLength(8);
    expect(row[1]).toMatch(/^\d+(\.\d+)?$/);
    expect(['', 'yes', 'no']).toContain(row[7]);
  }
}, 420_000);
