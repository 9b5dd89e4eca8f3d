import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_CSV_HEADER, activityCsv } from '../../../lib/admin/activity-csv';
import { activityRows } from '../../../lib/admin/activity-rows';
import { activityEntry as entry } from './activity-entries';

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
