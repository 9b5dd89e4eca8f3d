import { describe, expect, it } from 'vitest';
import { activityPath, activityRows, NO_ACTIVITY_FILTER } from '../../../lib/admin/activity-rows';
import { activityEntry as entry } from './activity-entries';

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

describe('activityPath', () => {
  it('asks for the set filters only', () => {
    expect(activityPath(NO_ACTIVITY_FILTER)).toBe('/api/admin/activity');
    expect(activityPath({ ...NO_ACTIVITY_FILTER, purchaserId: 'person-01', from: '2026-12-01' })).toBe('/api/admin/activity?purchaserId=person-01&from=2026-12-01');
  });
});
