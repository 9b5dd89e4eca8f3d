import { syncLine } from '../../lib/sync/status-text';
import { useMeta } from './meta';

/**
 * One line saying where the purchaser's data lives and whether the server has it all, from the
 * background's meta 'sync' row. `detail` adds the reason (a refused change, a stopped sync) where
 * there is room for it.
 */
export function SyncStatus({ detail = false }: { detail?: boolean }) {
  const line = syncLine(useMeta('sync'));
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
