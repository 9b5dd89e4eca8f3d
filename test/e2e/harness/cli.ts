/** Seatkeeper's CLI (`npm run cli -- …`, server/cli.ts) run as a child process on a test's data directory. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './paths';

const run = promisify(execFile);

/** `npm run cli -- create-code --data <dir> --org <org> --person <person>`: the one-time code it prints. */
export async function createCodeWithCli(dataDir: string, orgId: string, personId: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'create-code', '--data', dataDir, '--org', orgId, '--person', personId], {
    cwd: ROOT,
    timeout: 30_000,
  });
  const code = stdout.trim();
  if (!/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/.test(code)) throw new Error(`create-code printed no code:\n${stdout}`);
  return code;
}
