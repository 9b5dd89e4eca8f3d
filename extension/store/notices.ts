import type { ShownNotice } from '../../lib/sync/server-notices';
import type { SeatkeeperDb } from './db';

/** How many dismissed keys are remembered: more than the server keeps notices for a purchaser. */
const MAX_DISMISSED = 200;

/** Hides notices on this device; the server's stay in the billing room for the purchaser's other devices. */
export async function dismissNotices(db: SeatkeeperDb, keys: readonly string[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const [dismissed, shown, local] = await db.meta.bulkGet(['noticesDismissed', 'notices', 'localNotices']);
    const hidden = (notice: ShownNotice) => keys.includes(notice.key);
    await db.meta.bulkPut([
      { key: 'noticesDismissed', value: [...new Set([...((dismissed?.value as string[] | undefined) ?? []), ...keys])].slice(-MAX_DISMISSED) },
      { key: 'notices', value: ((shown?.value as ShownNotice[] | undefined) ?? []).filter((notice) => !hidden(notice)) },
      { key: 'localNotices', value: ((local?.value as ShownNotice[] | undefined) ?? []).filter((notice) => !hidden(notice)) },
    ]);
  });
}

/** Adds this device's own notice, shown at once with the server's. */
export async function addLocalNotice(db: SeatkeeperDb, notice: ShownNotice): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const [local, shown] = await db.meta.bulkGet(['localNotices', 'notices']);
    await db.meta.bulkPut([
      { key: 'localNotices', value: [...((local?.value as ShownNotice[] | undefined) ?? []), notice] },
      { key: 'notices', value: [notice, ...((shown?.value as ShownNotice[] | undefined) ?? [])] },
    ]);
  });
}
