import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('server bundle', () => {
  it("leaves out the parts of zod the server does not use (import * as z from 'zod/mini')", async () => {
    // `import { z } from 'zod/mini'` makes esbuild keep zod's whole namespace object: every locale and
    // the JSON Schema converter, 650 kB of the 1.2 MB bundle that node parsed at every start.
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../server/main.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
      write: false,
      outdir: 'out',
      metafile: true,
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs);
    const inputs = Object.entries(output!.inputs).flatMap(([path, { bytesInOutput }]) => (bytesInOutput > 0 ? [path] : []));
    expect(inputs.some((path) => path.includes('node_modules/zod/'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/zod\/v4\/(locales\/|core\/(json-schema|to-json-schema))/.test(path))).toEqual([]);
  });
});
