import { describe, expect, it } from 'vitest';
import { cardEntryBlock } from '../../../lib/sync/card-entry';
import type { SyncMeta } from '../../../lib/sync/status';

const row = (state: 'online' | 'offline' | 'connecting'): SyncMeta => ({ state, waiting: 0, serverUrl: 'http://127.0.0.1:8787', name: 'Maya Okafor', role: 'purchaser' });

describe('cardEntryBlock', () => {
  it('takes cards in the demo whatever the sync row says', () => {
    expect(cardEntryBlock(undefined, false)).toBeUndefined();
    expect(cardEntryBlock({ state: 'local' }, false)).toBeUndefined();
  });

  it('takes cards of an account only while its server is connected', () => {
    expect(cardEntryBlock(row('online'), true)).toBeUndefined();
    expect(cardEntryBlock(row('offline'), true)).toMatch(/^The sync server cannot be reached\. .*nothing can be saved now\. This form opens again once you are back online\.$/);
    expect(cardEntryBlock({ state: 'error', message: 'closed' }, true)).toMatch(/^The sync server cannot be reached/);
    expect(cardEntryBlock(row('connecting'), true)).toMatch(/^Connecting to the sync server/);
    expect(cardEntryBlock({ state: 'signed-out', waiting: 0, serverUrl: 'x', name: 'Maya', message: 'Sign in again' }, true)).toMatch(/^Sign in to the sync server to add a card/);
    expect(cardEntryBlock({ state: 'local' }, true)).toMatch(/^Sign in/);
  });
});
