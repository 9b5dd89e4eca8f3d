/** `npm run server -- --port 8787 --host 127.0.0.1 --data .data`: the sync server. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './app';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.data' },
    'compact-after': { type: 'string' },
    'max-doc-bytes': { type: 'string' },
    /** Slows every simulated charge down, so that fault tests can kill the server between storing and charging. */
    'processor-delay-ms': { type: 'string' },
    'activity-retention-days': { type: 'string' },
  },
});

const optionalInt = (value: string | undefined) => (value === undefined ? undefined : Number.parseInt(value, 10));
const dataDir = resolve(values.data);
const server = await startServer({
  dataDir,
  port: Number.parseInt(values.port, 10),
  host: values.host,
  compactAfter: optionalInt(values['compact-after']),
  maxDocBytes: optionalInt(values['max-doc-bytes']),
  processorDelayMs: optionalInt(values['processor-delay-ms']),
  activityRetentionDays: optionalInt(values['activity-retention-days']),
});
console.log(`Seatkeeper sync server listening on ${server.url} (data: ${dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
