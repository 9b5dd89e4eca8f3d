import * as z from 'zod/mini';
import { ActivityEntry } from '../lib/activity/activity-entry';
import { Id } from '../lib/org/schemas';
import { IsoDate } from '../lib/schemas/dates';
import type { Db } from './db';

/** The filters of the admin console's activity view; dates are whole UTC days, both included. */
export const ActivityQuery = z.object({
  purchaserId: z.optional(Id),
  productId: z.optional(Id),
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

/** Most lines one query answers: the newest, so a year of a large organization stays one response. */
export const MAX_ACTIVITY_LINES = 5_000;

/**
 * The organizations' activity logs (written with the updates they describe, `LogOp` 'activity'):
 * read oldest first within the filters, and pruned past the retention period.
 */
export class ActivityLog {
  private readonly select;
  private readonly prune;

  constructor(db: Db) {
    this.select = db.prepare<[{ org: string; purchaser: string | null; product: string | null; from: string; until: string; limit: number }], { data: string }>(
      `SELECT data FROM (
         SELECT seq, data FROM activity
         WHERE org_id = @org AND (@purchaser IS NULL OR purchaser_id = @purchaser) AND (@product IS NULL OR product_id = @product) AND at >= @from AND at < @until
         ORDER BY seq DESC LIMIT @limit
       ) ORDER BY seq`,
    );
    this.prune = db.prepare<[string]>('DELETE FROM activity WHERE at < ?');
  }

  query(orgId: string, { purchaserId, productId, from, to }: ActivityQuery): ActivityEntry[] {
    const until = to ? nextDay(to) : '9999';
    return this.select.all({ org: orgId, purchaser: purchaserId ?? null, product: productId ?? null, from: from ?? '', until, limit: MAX_ACTIVITY_LINES }).flatMap(({ data }) => {
      const entry = ActivityEntry.safeParse(JSON.parse(data));
      return entry.success ? [entry.data] : [];
    });
  }

  /** Forgets the lines older than `before` (an ISO time); returns how many. */
  forgetBefore(before: string): number {
    return this.prune.run(before).changes;
  }
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}
