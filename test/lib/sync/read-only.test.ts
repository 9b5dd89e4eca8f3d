import { describe, expect, it } from 'vitest';
import { readOnlyFor, readOnlyOf } from '../../../lib/sync/read-only';

describe('readOnlyOf', () => {
  it('is read-only for an IT admin, whatever the connection, and for a copy kept after signing out', () => {
    for (const state of ['connecting', 'online', 'offline'] as const) {
      expect(readOnlyOf({ state, waiting: 0, serverUrl: 'http://s', name: 'Riley', role: 'admin' })).toMatchObject({ kind: 'admin', text: expect.stringContaining('IT admin') });
    }
    expect(readOnlyOf({ state: 'signed-out', waiting: 0, serverUrl: 'http://s', name: 'Riley', role: 'admin', message: 'Sign in again' })).toMatchObject({ kind: 'admin' });
    expect(readOnlyOf({ state: 'error', message: 'Stopped', role: 'admin' })).toMatchObject({ kind: 'admin' });
    expect(readOnlyOf({ state: 'local', keptFrom: { name: 'Maya Okafor', serverUrl: 'http://s' } })).toEqual({
      kind: 'kept-copy',
      text: expect.stringContaining('read-only copy of Maya Okafor’s data'),
    });
  });

  it('lets a purchaser and the demo change their data', () => {
    expect(readOnlyOf(undefined)).toBeUndefined();
    expect(readOnlyOf({ state: 'local' })).toBeUndefined();
    expect(readOnlyOf({ state: 'online', waiting: 2, serverUrl: 'http://s', name: 'Maya', role: 'purchaser' })).toBeUndefined();
    expect(readOnlyOf({ state: 'signed-out', waiting: 1, serverUrl: 'http://s', name: 'Maya', message: 'Sign in again' })).toBeUndefined();
    expect(readOnlyFor('purchaser', undefined)).toBeUndefined();
  });
});
