import { SeatkeeperDb } from '../store/db';

/** The one read-only handle the UI keeps on the extension's IndexedDB. Only the background writes. */
export const db = new SeatkeeperDb();
