import { cpus, totalmem } from 'node:os';
import type { DirectoryImportResult } from './directory-import';
import type { ExtensionResult } from './extension';
import type { RestartResult } from './restart';
import type { LoadResult } from './server-load';
import type { ServerKind } from './servers';

export interface Results {
  smoke: boolean;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string };
  finishedAt: string;
  load: LoadResult[];
  extension: ExtensionResult;
  restart: RestartResult;
  directoryImport: DirectoryImportResult;
}

export function machine(): Results['machine'] {
  return { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

type Row = [metric: string, seatkeeper: string, yWebsocket: string, hocuspocus: string, vsYWebsocket: string, vsHocuspocus: string, target: string, met: string];
const HEADER: Row = ['Metric', 'Seatkeeper', '@y/websocket-server', 'Hocuspocus', 'SK / y-ws', 'SK / Hocuspocus', 'Target', 'Met'];

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'no delivery');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '–');
const yes = (met: boolean | undefined) => (met === undefined ? '' : met ? 'yes' : 'no');

/** The one table `npm run bench` prints: server rows per purchaser count against both peers, then the client and restart rows. */
export function table(results: Results): string {
  const rows: Row[] = [HEADER];
  const sizes = [...new Set(results.load.map((r) => r.purchasers))];
  const largest = Math.max(...sizes);
  for (const n of sizes) {
    const of = (kind: ServerKind) => results.load.find((r) => r.kind === kind && r.purchasers === n)!;
    const [sk, yws, hp] = [of('seatkeeper'), of('y-websocket'), of('hocuspocus')];
    const server = (metric: string, value: (r: LoadResult) => number, digits: number, target = '', met?: boolean) =>
      rows.push([`${metric} (${n} purchasers)`, fmt(value(sk), digits), fmt(value(yws), digits), fmt(value(hp), digits), ratio(value(sk), value(yws)), ratio(value(sk), value(hp)), target, yes(met)]);
    const atTarget = n === largest;
    server('edit → admin p50, ms', (r) => r.p50Ms, 1);
    server('edit → admin p99, ms', (r) => r.p99Ms, 1, atTarget ? '≤ 50 and < both peers' : '', atTarget ? sk.p99Ms <= 50 && sk.p99Ms < yws.p99Ms && sk.p99Ms < hp.p99Ms : undefined);
    server('sustained edits/s (p99 ≤ 100 ms)', (r) => r.sustainedEditsPerS, 0, atTarget ? '≥ 2× y-ws' : '', atTarget ? sk.sustainedEditsPerS > 0 && sk.sustainedEditsPerS >= 2 * yws.sustainedEditsPerS : undefined);
    server('server RSS per open room, KiB', (r) => r.rssPerRoomKiB, 1, atTarget ? '≤ ½ y-ws' : '', atTarget ? sk.rssPerRoomKiB <= yws.rssPerRoomKiB / 2 : undefined);
    server('server CPU per 1,000 edits, ms', (r) => r.serverCpuMsPer1000Edits, 0);
    server('generator CPU share (steady step)', (r) => r.generatorCpuShare * 100, 0);
  }
  const e = results.extension;
  const client = (metric: string, value: string, target: string, met: boolean) => rows.push([metric, value, '', '', '', '', target, yes(target ? met : undefined)]);
  client('popup JS gzipped, kB', fmt(e.popupJsGzipKiB * 1.024, 1), '≤ 50', e.popupJsGzipKiB * 1.024 <= 50);
  client('popup CSS gzipped, kB', fmt(e.popupCssGzipKiB * 1.024, 1), '', true);
  client(`popup interactive, ${e.subscriptions} subs + ${e.assignments} assignments, ms`, fmt(e.popupInteractiveMs, 0), '≤ 100', e.popupInteractiveMs <= 100);
  client('popup cards on screen (first contentful paint), ms', fmt(e.popupPaintMs, 0), '', true);
  client('empty popup: first script runs, ms (the floor under the popup)', fmt(e.emptyPopupScriptMs, 0), '', true);
  client("openPopup() → the popup's navigation starts, ms (Chromium, before any of ours)", fmt(e.popupOpenToNavigationMs, 0), '', true);
  client('popup.html in a tab: interactive, ms (measured so before 2026-12-03)', fmt(e.tabInteractiveMs, 0), '', true);
  client(`${e.offlineEdits} offline edits: reconnect → server holds all, ms`, fmt(e.offlineConvergeMs, 0), '≤ 1000', e.offlineConvergeMs <= 1000);
  client(`service worker cold start → synced, ${e.subscriptions} subs, ms`, fmt(e.swColdStartToSyncedMs, 0), '', true);
  const r = results.restart;
  client(`restart, ${r.rooms} stored rooms: process start → first sync, ms`, fmt(r.firstSyncMs, 0), '≤ 200', r.firstSyncMs <= 200);
  client(`restart, ${r.rooms} stored rooms: RSS at rest, MiB`, fmt(r.restRssMiB, 0), '', true);
  const d = results.directoryImport;
  client(`directory import, ${d.people.toLocaleString('en-US')} people (CLI start → exit), ms`, fmt(d.cliMs, 0), '≤ 5000', d.cliMs <= 5000);
  const line = (row: readonly string[]) => `| ${row.join(' | ')} |`;
  return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Replaces the generated part of docs/benchmarks.md, keeping what people wrote around it. */
export function updateDoc(doc: string, results: Results): string {
  const m = results.machine;
  const generated = [
    START,
    `Last run ${results.finishedAt} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}.`,
    '',
    table(results),
    END,
  ].join('\n');
  const at = doc.indexOf(START);
  const end = doc.indexOf(END);
  return at >= 0 && end > at ? doc.slice(0, at) + generated + doc.slice(end + END.length) : `${doc.trimEnd()}\n\n${generated}\n`;
}
