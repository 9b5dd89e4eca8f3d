import type { Extension } from '../extension';
import type { Rooms } from '../rooms';
import type { UpdateStore } from '../storage';
import { SummaryMaintainer } from '../summary';

/**
 * The admins' summary room of each organization (`server/summary.ts`), kept in step with its
 * purchaser and org rooms; caught up `catchUpAfterMs` after the server listens, for changes a crash
 * left out.
 */
export function summary({ rooms, store, catchUpAfterMs = 1_000 }: { rooms: Rooms; store: UpdateStore; catchUpAfterMs?: number }): Extension {
  const maintainer = new SummaryMaintainer(rooms, store);
  let catchUp: NodeJS.Timeout | undefined;
  return {
    name: 'summary',
    onChange: (ref) => maintainer.roomChanged(ref),
    onListen() {
      catchUp = setTimeout(() => void maintainer.recomputeAll(), catchUpAfterMs);
    },
    onDestroy() {
      clearTimeout(catchUp);
      maintainer.stop();
    },
  };
}
