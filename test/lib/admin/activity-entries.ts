import type { ActivityEntry } from '../../../lib/activity/activity-entry';

/** One line of the activity log, as the server sends it; `over` changes what a test is about. */
export const activityEntry = (over: Partial<ActivityEntry>): ActivityEntry => ({
  at: '2026-12-02T09:00:00.000Z',
  purchaserId: 'person-01',
  purchaserName: 'Maya Okafor',
  subscriptionId: 'sub-1',
  productId: 'prod-chat',
  productName: 'Contoso Chat',
  field: 'licenses',
  before: '10',
  after: '12',
  by: 'purchaser',
  device: 'Chrome 156 on Linux',
  ...over,
});
