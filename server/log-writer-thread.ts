/** The log writer's thread (see ThreadWriter): commits each batch it is sent and replies with what it did. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from './db';
import type { WriterJob, WriterReply } from './log-writer';
import { UpdateStore } from './storage';

const db = openDb((workerData as { dataDir: string }).dataDir);
const store = new UpdateStore(db);
const port = parentPort!;

port.on('message', (job: WriterJob) => {
  const { id } = job;
  let reply: WriterReply;
  try {
    if (job.ops === 'close') db.close();
    reply = { id, result: job.ops === 'close' ? { seqs: [], failedCompactions: [] } : store.write(job.ops) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  if (job.ops === 'close') port.close();
});
