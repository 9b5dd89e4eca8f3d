import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LogOp, LogResult, UpdateStore } from './storage';

/** Where the rooms' writes go: a batch of ops, one transaction, settled once it is durable. */
export interface LogWriter {
  write(ops: readonly LogOp[]): Promise<LogResult>;
  close(): Promise<void>;
}

/** Writes on the calling thread: for tests and tools, where blocking on the fsync costs nothing. */
export function inThreadWriter(store: UpdateStore): LogWriter {
  return {
    write: async (ops) => store.write(ops),
    close: async () => undefined,
  };
}

export interface WriterJob {
  id: number;
  /** 'close' closes the thread's connection and ends the thread, after every job sent before it. */
  ops: readonly LogOp[] | 'close';
}

export type WriterReply = { id: number; result: LogResult } | { id: number; error: string };

/**
 * The thread's module next to this one: log-writer-thread.mjs next to the prebuilt server bundle,
 * log-writer-thread.ts when run from source. From source the thread registers tsx itself: in Node 20
 * a worker does not get the loader hooks the main thread registered with `--import tsx`.
 */
function startThread(dataDir: string): Worker {
  const fromSource = extname(fileURLToPath(import.meta.url)) === '.ts';
  const module = new URL(`./log-writer-thread.${fromSource ? 'ts' : 'mjs'}`, import.meta.url);
  if (!fromSource) return new Worker(module, { workerData: { dataDir } });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: { dataDir } });
}

/**
 * Writes on a thread of its own, with its own connection to the data directory's SQLite file. With
 * synchronous=FULL every commit waits for an fsync; on the event loop that wait (a quarter of a
 * millisecond per commit here) held up every other room's messages and was the largest single item
 * of the accept path's profile under load. The thread commits one batch at a time; the caller
 * gathers the next meanwhile.
 */
export class ThreadWriter implements LogWriter {
  private thread: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(result: LogResult): void; reject(error: Error): void }>();
  private failure: Error | undefined;
  private closing = false;

  constructor(private readonly dataDir: string) {}

  write(ops: readonly LogOp[]): Promise<LogResult> {
    return this.send(ops);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.thread || this.failure) return;
    const exited = new Promise((resolve) => this.thread!.once('exit', resolve));
    await this.send('close').catch(() => undefined);
    await exited;
  }

  private send(ops: WriterJob['ops']): Promise<LogResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing && ops !== 'close') return Promise.reject(new Error('The log writer is closed'));
    const thread = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      thread.postMessage({ id, ops } satisfies WriterJob);
    });
  }

  /**
   * The thread, started by the first write: starting it with the server cost a restart's first sync
   * a few milliseconds of a busy core, for a thread a first sync does not need. Jobs sent while it
   * starts wait in its port.
   */
  private started(): Worker {
    if (this.thread) return this.thread;
    const thread = startThread(this.dataDir);
    thread.on('message', (reply: WriterReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.result);
    });
    const fail = (error: Error) => {
      if (!this.closing) console.error('The log writer thread failed; changes are refused until the server restarts:', error);
      this.failure ??= error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(this.closing ? 'The log writer is closed' : `The log writer thread exited (${code})`)));
    return (this.thread = thread);
  }
}
