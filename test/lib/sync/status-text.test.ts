import { describe, expect, it } from 'vitest';
import type { SyncMeta } from '../../../lib/sync/status';
import { syncLine } from '../../../lib/sync/status-text';

const SIGNED_IN = { serverUrl: 'http://127.0.0.1:8787', name: 'Maya Okafor', role: 'purchaser' } as const;

function text(meta: SyncMeta | undefined): string {
  return syncLine(meta).text;
}

describe('syncLine', () => {
  it('says "Local only" when not signed in, or before the row exists', () => {
    expect(text({ state: 'local' })).toBe('Local only — changes are saved on this device');
    expect(text({ state: 'local', keptFrom: { name: 'Maya Okafor', serverUrl: 'http://s' } })).toBe('Signed out — a read-only copy of Maya Okafor’s data');
    expect(text(undefined)).toBe('Local only — changes are saved on this device');
  });

  it('says "All changes synced" only when online with nothing waiting', () => {
    expect(syncLine({ state: 'online', waiting: 0, ...SIGNED_IN })).toEqual({ text: 'All changes synced', tone: 'good' });
    expect(text({ state: 'online', waiting: 3, ...SIGNED_IN })).toBe('3 changes waiting');
    expect(text({ state: 'online', waiting: 1, ...SIGNED_IN })).toBe('1 change waiting');
  });

  it('says what is waiting while offline or connecting', () => {
    expect(text({ state: 'offline', waiting: 2, ...SIGNED_IN })).toBe('Offline — 2 changes waiting');
    expect(text({ state: 'offline', waiting: 0, ...SIGNED_IN })).toBe('Offline — all changes synced');
    expect(text({ state: 'connecting', waiting: 0, ...SIGNED_IN })).toBe('Connecting to the sync server…');
  });

  it('asks to sign in again, keeping the waiting count', () => {
    const meta: SyncMeta = { state: 'signed-out', waiting: 4, serverUrl: SIGNED_IN.serverUrl, name: 'Maya', message: 'Your sign-in expired.' };
    expect(syncLine(meta)).toEqual({ text: 'Sign in again — 4 changes waiting', detail: 'Your sign-in expired.', tone: 'bad' });
  });

  it('explains a refused change', () => {
    const line = syncLine({ state: 'online', waiting: 1, ...SIGNED_IN, problem: 'subscriptions.s1.licenses: Too small' });
    expect(line).toMatchObject({ text: '1 change waiting', tone: 'bad', detail: 'The server refused a change: subscriptions.s1.licenses: Too small' });
  });
});
