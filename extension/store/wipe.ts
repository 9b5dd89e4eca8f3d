import type { SeatkeeperDb } from './db';

/**
 * Empties every table, meta included (account, journal, notices, what the server stored, payments),
 * in one transaction: afterwards nothing of an account is left in this device's IndexedDB.
 */
export async function wipeAccount(db: SeatkeeperDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
