/**
 * The background's IndexedDB writes in one chain, in the order they were asked for. A coalesced
 * task runs once for a burst of triggers: a trigger while it is still waiting to start adds nothing,
 * and one after it started queues one more run, so the last state is always written.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();

  /** A trigger that queues `task` unless a run of it is already waiting. A failed run is dropped: the next trigger writes afresh. */
  coalesced(task: () => Promise<void>): () => void {
    let waiting = false;
    return () => {
      if (waiting) return;
      waiting = true;
      this.tail = this.tail
        .then(() => {
          waiting = false;
          return task();
        })
        .catch(() => undefined);
    };
  }

  /** Resolves once everything queued so far is written. */
  settled(): Promise<void> {
    return this.tail;
  }
}
