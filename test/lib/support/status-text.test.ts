import { describe, expect, it } from 'vitest';
import { supportStatusLine } from '../../../lib/support/status-text';
import type { SyncMeta } from '../../../lib/sync/status';

const session = { waiting: 0, serverUrl: 'http://127.0.0.1:8787', name: 'Maya Okafor', role: 'purchaser' } as const;
const sync = (state: 'connecting' | 'online' | 'offline'): SyncMeta => ({ state, ...session });
const queued = { status: 'queued' } as const;

describe('supportStatusLine', () => {
  it('names the day IT received or handled the request', () => {
    expect(supportStatusLine({ status: 'received', receivedAt: '2026-12-02T09:15:00.000Z' }, sync('online'))).toEqual({ text: 'Received by IT on Dec 2, 2026', tone: 'good' });
    expect(supportStatusLine({ status: 'handled', receivedAt: '2026-12-02T09:15:00.000Z', handledAt: '2026-12-03T23:59:00.000Z' }, sync('offline'))).toEqual({
      text: 'Handled by IT on Dec 3, 2026',
      tone: 'good',
    });
  });

  it('says it will be sent when online only while the device is offline or connecting', () => {
    for (const state of ['offline', 'connecting'] as const) expect(supportStatusLine(queued, sync(state))).toEqual({ text: "Queued — will be sent when you're online", tone: 'warn' });
    expect(supportStatusLine(queued, sync('online')).text).toBe('Sending to IT…');
  });

  it('tells a device that is not signed in, or no longer, what sending takes', () => {
    expect(supportStatusLine(queued, undefined).text).toBe('Saved on this device — sign in to send it to IT');
    expect(supportStatusLine(queued, { state: 'local' }).text).toBe('Saved on this device — sign in to send it to IT');
    expect(supportStatusLine(queued, { state: 'signed-out', waiting: 1, serverUrl: session.serverUrl, name: session.name, message: 'Expired' }).text).toBe('Queued — will be sent when you sign in again');
    expect(supportStatusLine(queued, { state: 'error', message: 'Refused' })).toEqual({ text: 'Not sent — sync stopped (see Settings)', tone: 'bad' });
  });
});
