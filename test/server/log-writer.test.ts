import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../server/db';
import { ThreadWriter } from '../../server/log-writer';
import { UpdateStore } from '../../server/storage';
import { tempDataDir } from './harness';

let data: ReturnType<typeof tempDataDir>;
let db: Db;
let store: UpdateStore;

beforeEach(() => {
  data = tempDataDir();
  db = openDb(data.dir);
  store = new UpdateStore(db);
});
afterEach(() => {
  db.close();
  data.remove();
});

const bytes = (...values: number[]) => new Uint8Array(values);

describe('ThreadWriter', () => {
  it('commits each batch on its own thread, in order, and is read back from the file', async () => {
    const writer = new ThreadWriter(data.dir);
    const first = writer.write([
      { op: 'append', room: 'r1', data: bytes(1) },
      { op: 'append', room: 'r2', data: bytes(2) },
    ]);
    const second = writer.write([{ op: 'append', room: 'r1', data: bytes(3) }]);
    expect((await first).seqs).toEqual([1, 2]);
    expect((await second).seqs).toEqual([3]);
    expect(store.load('r1').map((row) => [...row.data])).toEqual([[1], [3]]);
    await writer.close();
    await expect(writer.write([{ op: 'append', room: 'r1', data: bytes(4) }])).rejects.toThrow();
  });
});

describe('UpdateStore.write', () => {
  it('compacts a room up to the given seq and keeps the rows after it', () => {
    store.write([1, 2, 3].map((n) => ({ op: 'append', room: 'r', data: bytes(n) })));
    store.write([{ op: 'append', room: 'other', data: bytes(9) }]);
    const result = store.write([{ op: 'compact', room: 'r', snapshot: bytes(1, 2), upTo: 2 }]);
    expect(result).toEqual({ seqs: [], failedCompactions: [] });
    expect(store.load('r').map((row) => [...row.data])).toEqual([[3], [1, 2]]);
    expect(store.count('other')).toBe(1);
  });
});
