/**
 * `npm run bench`: every benchmark in one run, one table, bench/results.json and the table in
 * docs/benchmarks.md. `npm run bench -- --smoke` runs tiny sizes for CI and writes nothing: its
 * numbers say nothing about performance, only that the suite works.
 * `--skip-build` uses the extension already in .output/chrome-mv3.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { directoryImport } from './directory-import';
import { extensionBench } from './extension';
import { ensurePeers } from './peers';
import { machine, table, updateDoc, type Results } from './report';
import { restart } from './restart';
import { serverLoad, type LoadOptions } from './server-load';
import { SERVER_KINDS, root } from './servers';

const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: process.env.BENCH_SMOKE === '1' }, 'skip-build': { type: 'boolean', default: false } } });
const smoke = values.smoke!;

const sizes = smoke
  ? { purchasers: [10], load: { rates: [20, 40], stepSeconds: 1 }, extension: { subscriptions: 20, assignedEach: 5, offlineEdits: 20, popupRuns: 1 }, rooms: 100, people: 100 }
  : {
      purchasers: [100, 1000],
      // 100 edits/s is the steady rate latency is reported at: one edit per purchaser every 10 s at 1,000 purchasers.
      load: { rates: [100, 200, 400, 800, 1600, 3200], stepSeconds: 3 },
      extension: { subscriptions: 1000, assignedEach: 5, offlineEdits: 1000, popupRuns: 11 },
      rooms: 10_000,
      people: 10_000,
    };

const log = (message: string) => console.error(`[bench] ${message}`);

ensurePeers(log);

if (!values['skip-build']) {
  log('building the extension');
  const build = spawnSync(join(root, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'chrome'], { cwd: root, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('wxt build failed');
}

const load = [];
for (const purchasers of sizes.purchasers) {
  for (const kind of SERVER_KINDS) {
    log(`${kind}: ${purchasers} purchasers + 5 admins`);
    load.push(await serverLoad(kind, { purchasers, ...sizes.load } satisfies LoadOptions));
  }
}
log(`extension: ${sizes.extension.subscriptions} subscriptions in headless Chromium`);
const extension = await extensionBench(sizes.extension);
log(`restart: ${sizes.rooms} stored rooms`);
const restarted = await restart(sizes.rooms);

log(`directory import: ${sizes.people} people through the CLI`);
const imported = directoryImport(sizes.people);

const results: Results = { smoke, machine: machine(), finishedAt: new Date().toISOString(), load, extension, restart: restarted, directoryImport: imported };
console.log(table(results));
if (!smoke) {
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const docPath = join(root, 'docs', 'benchmarks.md');
  writeFileSync(docPath, updateDoc(existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n', results));
}
process.exit(0);
