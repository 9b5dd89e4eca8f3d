import { describe, expect, it } from 'vitest';
import { summaryRows } from '../../../lib/admin/summary-rows';
import { DEFAULT_SORT, sortRows, toggleSort } from '../../../lib/admin/summary-sort';
import { entry } from './rows';

const rows = summaryRows(
  {
    x: entry({ subscriptionId: 'x', productName: 'Beta', licenses: 5, termPrice: 500, renewsOn: '2027-01-02' }),
    y: entry({ subscriptionId: 'y', productName: 'Alpha', licenses: 50, termPrice: 200, currency: 'EUR', renewsOn: '2026-12-01' }),
    z: entry({ subscriptionId: 'z', productName: 'Alpha', purchaserName: 'Aaron Ames', licenses: 5, termPrice: 900, renewsOn: '2026-12-15' }),
  },
  '2026-11-26T00:00:00.000Z',
);
const order = (column: Parameters<typeof toggleSort>[1], direction: 'ascending' | 'descending' = 'ascending') =>
  sortRows(rows, { column, direction }).map((r) => r.key);

describe('sortRows', () => {
  it('sorts by product, ties by purchaser', () => {
    expect(sortRows(rows, DEFAULT_SORT).map((r) => r.key)).toEqual(['z', 'y', 'x']);
  });

  it('sorts numbers as numbers and dates in calendar order, either way', () => {
    expect(order('licenses')).toEqual(['z', 'x', 'y']);
    expect(order('licenses', 'descending')).toEqual(['y', 'z', 'x']);
    expect(order('renewsOn')).toEqual(['y', 'z', 'x']);
  });

  it('sorts unused licenses by their monthly cost, per currency, either way', () => {
    // x: 3 unused at $8.00 = $24.00; z: 3 at $20.00 = $60.00; y is in euros.
    const costly = summaryRows({ ...Object.fromEntries(rows.map((r) => [r.key, r])), z: entry({ subscriptionId: 'z', productName: 'Alpha', licenses: 5, unitPrice: 2000 }) }, '2026-11-26T00:00:00.000Z');
    expect(costly.find((r) => r.key === 'z')!.unused.perMonth).toBe(6_000);
    expect(sortRows(costly, { column: 'unused', direction: 'ascending' }).map((r) => r.key)).toEqual(['y', 'x', 'z']);
    expect(sortRows(costly, { column: 'unused', direction: 'descending' }).map((r) => r.key)).toEqual(['z', 'x', 'y']);
  });

  it('groups prices by currency before comparing amounts', () => {
    expect(order('price')).toEqual(['y', 'x', 'z']);
  });

  it('does not change the rows it was given', () => {
    const before = rows.map((r) => r.key);
    order('licenses', 'descending');
    expect(rows.map((r) => r.key)).toEqual(before);
  });
});

describe('toggleSort', () => {
  it('starts a new column ascending and flips the sorted one', () => {
    expect(toggleSort(DEFAULT_SORT, 'licenses')).toEqual({ column: 'licenses', direction: 'ascending' });
    expect(toggleSort({ column: 'licenses', direction: 'ascending' }, 'licenses')).toEqual({ column: 'licenses', direction: 'descending' });
    expect(toggleSort({ column: 'licenses', direction: 'descending' }, 'licenses')).toEqual({ column: 'licenses', direction: 'ascending' });
  });
});
