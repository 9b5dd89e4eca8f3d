/** Seatkeeper's CLI (`npm run cli -- …`, server/cli.ts) run as a child process on a test's data directory. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ProductChanges } from '../../../server/org-admin';
import { ROOT } from './paths';

const run = promisify(execFile);

/** `npm run cli -- <args>` without npm in between: what it printed, trimmed. Rejects when it exits with an error. */
async function cli(args: readonly string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: ROOT, timeout: 30_000 });
  return stdout.trim();
}

/** `npm run cli -- create-code --data <dir> --org <org> --person <person>`: the one-time code it prints. */
export async function createCodeWithCli(dataDir: string, orgId: string, personId: string): Promise<string> {
  const code = await cli(['create-code', '--data', dataDir, '--org', orgId, '--person', personId]);
  if (!/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/.test(code)) throw new Error(`create-code printed no code:\n${code}`);
  return code;
}

/** `npm run cli -- update-product --data <dir> --org <org> --product <id> [--self-service …] [--max-licenses …]`: the line it prints. */
export function updateProductWithCli(dataDir: string, orgId: string, productId: string, changes: ProductChanges): Promise<string> {
  const flags = [
    ...(changes.selfService === undefined ? [] : ['--self-service', String(changes.selfService)]),
    ...(changes.maxLicenses === undefined ? [] : ['--max-licenses', String(changes.maxLicenses)]),
  ];
  return cli(['update-product', '--data', dataDir, '--org', orgId, '--product', productId, ...flags]);
}

/** `npm run cli -- import-people --data <dir> --org <org> <file>`: the line it prints. */
export function importPeopleWithCli(dataDir: string, orgId: string, file: string): Promise<string> {
  return cli(['import-people', '--data', dataDir, '--org', orgId, file]);
}
