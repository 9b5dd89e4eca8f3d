/**
 * `npm run build:server`: the sync server as one prebuilt ES module, .output/server.mjs, which
 * `npm run server` and the benchmarks start with plain node. Starting through tsx spent about a
 * second transpiling and resolving the server's modules before it could serve its first sync.
 * The bundle (and the log writer thread's module next to it) sits one directory below the root
 * like server/, so paths relative to the module (the built admin console) stay the same. better-sqlite3 stays external: it loads a native addon.
 */
import { build } from 'esbuild';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_BUNDLE = fileURLToPath(new URL('../.output/server.mjs', import.meta.url));

export async function buildServer(): Promise<void> {
  await build({
    // The log writer's thread is a module of its own, loaded next to the bundle (see log-writer.ts).
    entryPoints: {
      server: fileURLToPath(new URL('./main.ts', import.meta.url)),
      'log-writer-thread': fileURLToPath(new URL('./log-writer-thread.ts', import.meta.url)),
    },
    outdir: dirname(SERVER_BUNDLE),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
    // ws and other CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

// No top-level await: the benchmarks import this module, some of them as CommonJS through tsx.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildServer().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
