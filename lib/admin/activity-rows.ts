import { ACTIVITY_FIELD_LABELS, type ActivityEntry } from '../activity/activity-entry';

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
