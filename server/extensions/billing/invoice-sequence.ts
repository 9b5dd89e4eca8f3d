import type { Db } from '../../db';

/** Invoice numbers, counting up per organization from 1; each call takes the next one in one atomic statement. */
export class InvoiceSequence {
  private readonly take;

  constructor(db: Db) {
    this.take = db.prepare<[string], { last: number }>(
      'INSERT INTO invoice_sequences (org_id, last) VALUES (?, 1) ON CONFLICT (org_id) DO UPDATE SET last = last + 1 RETURNING last',
    );
  }

  next(orgId: string): number {
    return this.take.get(orgId)!.last;
  }
}
