/** Hocuspocus as the benchmarks run it: its SQLite extension on a file, default debounce, no auth. */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const [port, database] = process.argv.slice(2);
const server = new Server({ port: Number(port), address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database })] });
await server.listen();
console.log(`listening on http://127.0.0.1:${port}`);
