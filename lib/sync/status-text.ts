import { plural } from '../text/plural';
import type { SyncMeta } from './status';

export type SyncTone = 'neutral' | 'good' | 'busy' | 'warn' | 'bad';

export interface SyncLine {
  text: string;
  /** A second sentence for where there is room (the Settings page), e.g. why the server refused a change. */
  detail?: string;
  tone: SyncTone;
}

/**
 * The one line every page shows about sync. It only claims "synced" when the server confirmed
 * storing everything; otherwise it says how many changes are waiting. Kept free of zod so pages
 * can import it without the schema.
 */
export function syncLine(meta: SyncMeta | undefined): SyncLine {
  if (meta?.state === 'local' && meta.keptFrom) {
    return { text: `Signed out — a read-only copy of ${meta.keptFrom.name}’s data`, detail: 'Sign in again to change it and sync.', tone: 'neutral' };
  }
  if (!meta || meta.state === 'local') return { text: 'Local only — changes are saved on this device', tone: 'neutral' };
  if (meta.state === 'error') return { text: 'Sync stopped', detail: meta.message, tone: 'bad' };
  const waiting = meta.waiting > 0 ? `${plural(meta.waiting, 'change')} waiting` : '';
  if (meta.state === 'signed-out') {
    return { text: waiting ? `Sign in again — ${waiting}` : 'Sign in again to sync', detail: meta.message, tone: 'bad' };
  }
  const problem = meta.problem ? { detail: `The server refused a change: ${meta.problem}` } : {};
  switch (meta.state) {
    case 'connecting':
      return { text: waiting ? `Connecting — ${waiting}` : 'Connecting to the sync server…', tone: 'busy', ...problem };
    case 'offline':
      return { text: waiting ? `Offline — ${waiting}` : 'Offline — all changes synced', tone: 'warn', ...problem };
    case 'online':
      if (waiting) return { text: waiting, tone: meta.problem ? 'bad' : 'busy', ...problem };
      return { text: 'All changes synced', tone: 'good' };
  }
}
