import type { SyncMeta } from '../../lib/sync/status';
import { syncLine } from '../../lib/sync/status-text';
import { db } from './db';
import { useLiveQuery } from './use-live-query';

/**
 * One line saying where the purchaser's data lives and whether the server has it all, from the
 * background's meta 'sync' row. `detail` adds the reason (a refused change, a stopped sync) where
 * there is room for it.
 */
export function SyncStatus({ detail = false }: { detail?: boolean }) {
  const { data } = useLiveQuery(() => db.meta.get('sync'), []);
  const line = syncLine(data?.value as SyncMeta | undefined);
  return (
    <>
      <p class="sync-status" role="status" data-tone={line.tone}>
        <span class="sync-dot" aria-hidden="true" />
        {line.text}
      </p>
      {detail && line.detail ? <p class="field-hint">{line.detail}</p> : null}
    </>
  );
}
