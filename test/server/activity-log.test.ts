import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../lib/activity/activity-entry';
import { ActivityLog } from '../../server/activity-log';
import { openDb, type Db } from '../../server/db';
import { UpdateStore } from '../../server/storage';
import { tempDataDir } from './harness';

let data: ReturnType<typeof tempDataDir>;
let db: Db;
beforeEach(() => {
  data = tempDataDir();
  db = openDb(data.dir);
});
afterEach(() => {
  db.close();
  data.remove();
});

const entry = (at: string, overrides: Partial<ActivityEntry> = {}): ActivityEntry => ({
  at,
  purchaserId: 'maya',
  purchaserName: 'Maya',
  subscriptionId: 'sub-1',
  productId: 'prod-chat',
  productName: 'Chat',
  field: 'licenses',
  before: '1',
  after: '2',
  by: 'purchaser',
  device: 'Chrome 156 on Linux',
  ...overrides,
});

describe('ActivityLog', () => {
  it('reads one organization’s lines oldest first, both filter days included, and forgets what is past retention', () => {
    const store = new UpdateStore(db);
    store.write([
      { op: 'activity', orgId: 'org-a', entry: entry('2025-12-01T10:00:00.000Z') },
      { op: 'activity', orgId: 'org-a', entry: entry('2026-11-30T23:59:59.999Z', { productId: 'prod-notes' }) },
      { op: 'activity', orgId: 'org-a', entry: entry('2026-12-01T00:00:00.000Z', { purchaserId: 'liam' }) },
      { op: 'activity', orgId: 'org-b', entry: entry('2026-12-01T08:00:00.000Z') },
    ]);
    const log = new ActivityLog(db);
    expect(log.query('org-a', {}).map((e) => e.at)).toEqual(['2025-12-01T10:00:00.000Z', '2026-11-30T23:59:59.999Z', '2026-12-01T00:00:00.000Z']);
    expect(log.query('org-a', { from: '2026-11-30', to: '2026-11-30' }).map((e) => e.productId)).toEqual(['prod-notes']);
    expect(log.query('org-a', { purchaserId: 'liam' })).toHaveLength(1);
    expect(log.query('org-a', { productId: 'prod-notes' })).toHaveLength(1);

    expect(log.forgetBefore('2025-12-02T00:00:00.000Z')).toBe(1);
    expect(log.query('org-a', {})).toHaveLength(2);
  });
});
