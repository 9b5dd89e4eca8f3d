import { randomBytes } from 'node:crypto';
import type { Db } from '../db';

/**
 * Processor tokens stay on the server. A purchaser's document holds a card reference (`card_…`)
 * instead, bound here to the purchaser it was issued to: admins read every purchaser document, and
 * a token there let one purchaser charge another's card. A reference is only ever charged for the
 * purchaser it belongs to, so copying it anywhere gains nothing.
 */
export class CardVault {
  private readonly insert;
  private readonly byRef;

  constructor(db: Db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS card_refs (
        ref TEXT PRIMARY KEY,
        org_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        token TEXT NOT NULL
      );
    `);
    this.insert = db.prepare<[string, string, string, string]>('INSERT INTO card_refs (ref, org_id, person_id, token) VALUES (?, ?, ?, ?)');
    this.byRef = db.prepare<[string, string, string], { token: string }>('SELECT token FROM card_refs WHERE ref = ? AND org_id = ? AND person_id = ?');
  }

  /** Keeps the processor's token for this purchaser; returns the reference their document holds. */
  issue(orgId: string, personId: string, token: string): string {
    const ref = `card_${randomBytes(12).toString('hex')}`;
    this.insert.run(ref, orgId, personId, token);
    return ref;
  }

  /** The processor token behind `ref`, only if it was issued to this purchaser. */
  tokenFor(ref: string, orgId: string, personId: string): string | undefined {
    return this.byRef.get(ref, orgId, personId)?.token;
  }
}
