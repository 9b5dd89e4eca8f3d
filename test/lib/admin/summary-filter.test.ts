import { describe, expect, it } from 'vitest';
import { NO_FILTER, expiresSoon, filterOptions, filterRows } from '../../../lib/admin/summary-filter';
import { summaryRows } from '../../../lib/admin/summary-rows';
import { entry } from './rows';

const NOW = '2026-11-26T10:00:00.000Z';
const TODAY = '2026-11-26';
const rows = summaryRows(
  {
    a: entry({ subscriptionId: 'a', renewsOn: '2026-12-26' }),
    b: entry({ subscriptionId: 'b', productId: 'prod-notes', productName: 'Fabrikam Notes', renewsOn: '2026-12-27', assignedNames: ['Zoe Quinn'] }),
    c: entry({ subscriptionId: 'c', purchaserId: 'person-02', purchaserName: 'Liam Ortiz', status: 'canceled', renewsOn: '2026-12-01' }),
    d: entry({ subscriptionId: 'd', status: 'expired', renewsOn: '2026-11-27' }),
  },
  NOW,
);
const keys = (filter: Partial<typeof NO_FILTER>) => filterRows(rows, { ...NO_FILTER, ...filter }, TODAY).map((r) => r.key);

describe('filterRows', () => {
  it('keeps everything without a filter', () => {
    expect(keys({})).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by product, purchaser and status', () => {
    expect(keys({ productId: 'prod-notes' })).toEqual(['b']);
    expect(keys({ purchaserId: 'person-02' })).toEqual(['c']);
    expect(keys({ status: 'canceled' })).toEqual(['c']);
    expect(keys({ status: 'expired', productId: 'prod-notes' })).toEqual([]);
  });

  it('searches product, purchaser and assigned people, every word, ignoring case', () => {
    expect(keys({ search: 'fabrikam' })).toEqual(['b']);
    expect(keys({ search: '  liam ' })).toEqual(['c']);
    expect(keys({ search: 'zoe notes' })).toEqual(['b']);
    expect(keys({ search: 'zoe chat' })).toEqual([]);
  });

  it('keeps subscriptions ending within 30 days, not those already expired', () => {
    expect(keys({ expiringSoon: true })).toEqual(['a', 'c']);
  });
});

describe('expiresSoon', () => {
  it('counts today and the 30th day, not the day before today', () => {
    expect(expiresSoon({ effective: 'active', renewsOn: TODAY }, TODAY)).toBe(true);
    expect(expiresSoon({ effective: 'active', renewsOn: '2026-12-26' }, TODAY)).toBe(true);
    expect(expiresSoon({ effective: 'canceled', renewsOn: '2026-11-25' }, TODAY)).toBe(false);
  });
});

describe('filterOptions', () => {
  it('lists each product and purchaser once, by name', () => {
    expect(filterOptions(rows)).toEqual({
      products: [
        { value: 'prod-chat', label: 'Contoso Chat' },
        { value: 'prod-notes', label: 'Fabrikam Notes' },
      ],
      purchasers: [
        { value: 'person-02', label: 'Liam Ortiz' },
        { value: 'person-01', label: 'Maya Okafor' },
      ],
    });
  });
});
