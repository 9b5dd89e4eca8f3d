import { describe, expect, it } from 'vitest';
import { WriteQueue } from '../../../../extension/background/sync/write-queue';

describe('WriteQueue', () => {
  it('runs a burst of triggers once, after what was queued before it, and runs again for a trigger once it started', async () => {
    const queue = new WriteQueue();
    const ran: string[] = [];
    let release!: () => void;
    const first = queue.coalesced(() => new Promise<void>((resolve) => ((release = resolve), ran.push('first'))));
    let value = 0;
    let seen: number[] = [];
    const publish = queue.coalesced(async () => void seen.push(value));

    first();
    for (value = 1; value <= 3; value++) publish();
    await Promise.resolve();
    expect(ran).toEqual(['first']);
    expect(seen).toEqual([]);
    release();
    await queue.settled();
    // Three triggers while waiting: one run, which saw the last value.
    expect(seen).toEqual([4]);

    seen = [];
    publish();
    await queue.settled();
    publish();
    await queue.settled();
    expect(seen).toEqual([4, 4]);
  });

  it('keeps going after a failed write: the next trigger writes afresh', async () => {
    const queue = new WriteQueue();
    let attempts = 0;
    const write = queue.coalesced(async () => {
      attempts++;
      if (attempts === 1) throw new Error('IndexedDB full');
    });
    write();
    await queue.settled();
    write();
    await queue.settled();
    expect(attempts).toBe(2);
  });
});
