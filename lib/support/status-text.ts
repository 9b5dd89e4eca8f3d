import { formatDay, toIsoDate } from '../dates';
import type { SyncMeta } from '../sync/status';
import type { SupportRequest } from './schema';

export type SupportStatusTone = 'good' | 'warn' | 'bad' | 'neutral';

export interface SupportStatusLine {
  text: string;
  tone: SupportStatusTone;
}

/**
 * Where a support request is, in the purchaser's words. Received and handled are the server's word
 * (dates in UTC, as every date of the app); a queued request says what it waits for, from the sync
 * row: the purchaser is only told it will be sent when that is what will happen.
 */
export function supportStatusLine(request: Pick<SupportRequest, 'status' | 'receivedAt' | 'handledAt'>, sync: SyncMeta | undefined): SupportStatusLine {
  if (request.status === 'handled') return { text: `Handled by IT${onDay(request.handledAt)}`, tone: 'good' };
  if (request.status === 'received') return { text: `Received by IT${onDay(request.receivedAt)}`, tone: 'good' };
  switch (sync?.state) {
    case undefined:
    case 'local':
      return { text: 'Saved on this device — sign in to send it to IT', tone: 'neutral' };
    case 'online':
      return { text: 'Sending to IT…', tone: 'neutral' };
    case 'connecting':
    case 'offline':
      return { text: "Queued — will be sent when you're online", tone: 'warn' };
    case 'signed-out':
      return { text: 'Queued — will be sent when you sign in again', tone: 'warn' };
    case 'error':
      return { text: 'Not sent — sync stopped (see Settings)', tone: 'bad' };
  }
}

function onDay(at: string | undefined): string {
  return at ? ` on ${formatDay(toIsoDate(at))}` : '';
}
