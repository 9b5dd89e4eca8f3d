import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, tempDir } from './servers';

export interface DirectoryImportResult {
  people: number;
  /** `npm run cli -- import-people` on a directory file, from process start to exit (codes written too). */
  cliMs: number;
}

/** A directory file of `people` rows as a spreadsheet saves it: BOM, CRLF, quoted names with commas. */
function directoryFile(people: number): string {
  const rows = Array.from({ length: people }, (_, i) => `p-${i},"Okafor, Person ${i}",p${i}@northwind.example,Dept ${i % 20},${i % 10 ? 'purchaser' : 'none'}`);
  return `\uFEFFid,name,email,department,role\r\n${rows.join('\r\n')}\r\n`;
}

const cli = (args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cli ${args[0]} failed:\n${result.stderr}`);
};

/** The demo organization's directory grown by `people` new people in one CLI run, sign-in codes included. */
export function directoryImport(people: number): DirectoryImportResult {
  const data = tempDir('import');
  try {
    cli(['seed-demo', '--data', data.dir]);
    const file = join(data.dir, 'people.csv');
    writeFileSync(file, directoryFile(people));
    const started = performance.now();
    cli(['import-people', '--data', data.dir, '--org', 'org-northwind', file, '--codes', join(data.dir, 'codes.csv')]);
    return { people, cliMs: performance.now() - started };
  } finally {
    data.remove();
  }
}
