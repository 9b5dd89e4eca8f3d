import { describe, expect, it } from 'vitest';
import type { SpendSeries } from '../../../lib/insights/monthly-spend';
import { mergeSpend, onlyProduct, spendProductOf, spendProducts } from '../../../lib/insights/spend-products';

const line = (subscriptionId: string, productName?: string) => ({ description: 'x', subscriptionId, quantity: 1, amount: 100, ...(productName ? { productName } : {}) });

describe('spendProductOf', () => {
  it('files a line under the name it kept, else the subscription’s product, else Other', () => {
    const productOf = spendProductOf([{ lines: [line('a', 'Contoso Chat')] }, { lines: [line('b')] }], (id) => (id === 'b' ? 'Litware Notes' : id === 'a' ? 'Renamed' : undefined));
    expect(['a', 'b', 'gone'].map(productOf)).toEqual(['Contoso Chat', 'Litware Notes', 'Other']);
  });
});

const usd = (months: [string, Record<string, number>][]): SpendSeries => ({
  currency: 'USD',
  months: months.map(([month, byProduct]) => ({ month, byProduct, total: Object.values(byProduct).reduce((a, b) => a + b, 0) })),
});

describe('mergeSpend', () => {
  it('adds several purchasers’ series month by month and product by product, per currency', () => {
    const a = [usd([['2026-10', { Chat: 1_000 }], ['2026-11', { Chat: 1_000, Notes: 250 }]])];
    const b = [usd([['2026-10', {}], ['2026-11', { Chat: -300 }]]), { currency: 'EUR' as const, months: [{ month: '2026-11', byProduct: { Chat: 90 }, total: 90 }] }];
    expect(mergeSpend([a, b])).toEqual([
      { currency: 'EUR', months: [{ month: '2026-11', byProduct: { Chat: 90 }, total: 90 }] },
      usd([['2026-10', { Chat: 1_000 }], ['2026-11', { Chat: 700, Notes: 250 }]]),
    ]);
  });
});

describe('onlyProduct and spendProducts', () => {
  const series = usd([['2026-10', { Notes: 5, Chat: 10 }], ['2026-11', { Notes: 7 }]]);

  it('keeps one product, each month’s total its amount', () => {
    expect(onlyProduct([series], 'Chat')).toEqual([usd([['2026-10', { Chat: 10 }], ['2026-11', {}]])]);
  });

  it('lists the products in name order', () => {
    expect(spendProducts(series)).toEqual(['Chat', 'Notes']);
  });
});
