import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../lib/activity/activity-entry';
import { ACTIVITY_CSV_HEADER, activityCsv } from '../../../lib/admin/activity-csv';
import { activityPath, activityRows, NO_ACTIVITY_FILTER } from '../../../lib/admin/activity-rows';

const entry = (over: Partial<ActivityEntry>): ActivityEntry => ({
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

describe('activityRows', () => {
  it('says each line in the view’s words, in the server’s order', () => {
    const rows = activityRows([entry({}), entry({ field: 'correction', by: 'server', device: 'server', before: '', after: 'Capped.' })]);
    expect(rows.map((r) => [r.field, r.by])).toEqual([
      ['Licenses', 'Purchaser'],
      ['Server correction', 'Server correction'],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });
});

describe('activityCsv', () => {
  it('has a header and one record per row, with the view’s cells; RFC 4180 quoting', () => {
    const csv = activityCsv(activityRows([entry({}), entry({ field: 'assigned', before: '', after: 'Lee, Ann "AL"' })]));
    expect(csv.split('\r\n')[0]).toBe(ACTIVITY_CSV_HEADER.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv)).toEqual([
      [...ACTIVITY_CSV_HEADER],
      ['2026-12-02T09:00:00.000Z', 'Maya Okafor', 'Contoso Chat', 'Licenses', '10', '12', 'Chrome 156 on Linux', 'Purchaser'],
      ['2026-12-02T09:00:00.000Z', 'Maya Okafor', 'Contoso Chat', 'Assigned to', '', 'Lee, Ann "AL"', 'Chrome 156 on Linux', 'Purchaser'],
    ]);
  });

  it('writes a purchaser’s formula-like name or feedback as inert text', () => {
    const csv = activityCsv(activityRows([entry({ purchaserName: '=HYPERLINK("http://x","y")', field: 'feedback', before: '', after: '+1+cmd' })]));
    const [, record] = parse(csv) as string[][];
    expect(record![1]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(record![5]).toBe(`'+1+cmd`);
  });
});

describe('activityPath', () => {
  it('asks for the set filters only', () => {
    expect(activityPath(NO_ACTIVITY_FILTER)).toBe('/api/admin/activity');
    expect(activityPath({ ...NO_ACTIVITY_FILTER, purchaserId: 'person-01', from: '2026-12-01' })).toBe('/api/admin/activity?purchaserId=person-01&from=2026-12-01');
  });
});
