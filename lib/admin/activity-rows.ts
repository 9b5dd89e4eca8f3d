import * as z from 'zod/mini';
import { ACTIVITY_FIELD_LABELS, ActivityEntry } from '../activity/activity-entry';
import type { IsoDate } from '../dates';

/** Who made a change, in the activity view's words. */
export const ACTIVITY_BY_LABELS: Record<ActivityEntry['by'], string> = { purchaser: 'Purchaser', server: 'Server correction' };

/** One line of the console's activity view, as it shows it; its CSV has the same cells. */
export interface ActivityRow {
  key: string;
  /** The server's time of the change, ISO UTC. */
  at: string;
  purchaser: string;
  product: string;
  field: string;
  before: string;
  after: string;
  device: string;
  by: string;
}

/** The log's entries in the view's words, oldest first as the server sends them. */
export function activityRows(entries: readonly ActivityEntry[]): ActivityRow[] {
  return entries.map((entry, i) => ({
    key: `${i}-${entry.at}-${entry.subscriptionId}-${entry.field}`,
    at: entry.at,
    purchaser: entry.purchaserName,
    product: entry.productName,
    field: ACTIVITY_FIELD_LABELS[entry.field],
    before: entry.before,
    after: entry.after,
    device: entry.device,
    by: ACTIVITY_BY_LABELS[entry.by],
  }));
}

/** `GET /api/admin/activity`'s answer. */
export const ActivityAnswer = z.object({ entries: z.array(ActivityEntry) });

/** The activity view's filters; '' is every purchaser, every product, no bound. */
export interface ActivityFilter {
  purchaserId: string;
  productId: string;
  from: IsoDate | '';
  to: IsoDate | '';
}

export const NO_ACTIVITY_FILTER: ActivityFilter = { purchaserId: '', productId: '', from: '', to: '' };

/** The endpoint's path and query for the filters; unset ones are left out. */
export function activityPath(filter: ActivityFilter): string {
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== ''));
  const search = query.toString();
  return `/api/admin/activity${search ? `?${search}` : ''}`;
}
