import { describe, expect, it } from 'vitest';
import { purchaseNotification } from '../../../lib/activity/purchase-notification';
import { subscription } from '../../fixtures/subscription';

const AT = '2026-12-02T09:00:00.000Z';
const message = (...args: Parameters<typeof purchaseNotification>) => purchaseNotification(...args)?.message;

describe('purchaseNotification', () => {
  it('a purchase names who, how many, what and the price per term', () => {
    expect(message(undefined, subscription({ licenses: 10, term: 'annual', unitPrice: 12_000, productName: 'Contoso Chat' }), 'Maya Okafor', AT)).toBe('Maya Okafor bought 10 licenses of Contoso Chat — $1,200.00 / year');
  });

  it('a license change says how many were added or removed and the new price', () => {
    const before = subscription({ licenses: 10 });
    expect(message(before, { ...before, licenses: 12 }, 'Maya', AT)).toBe('Maya added 2 licenses of Northwind Chat, now 12 — $150.00 / month');
    expect(message(before, { ...before, licenses: 9 }, 'Maya', AT)).toBe('Maya removed 1 license of Northwind Chat, now 9 — $112.50 / month');
  });

  it('a cancellation gives the reason and the day it ends', () => {
    const before = subscription();
    const after = { ...before, status: 'canceled' as const, cancellation: { reason: 'too_expensive' as const, feedback: '', canceledAt: AT } };
    expect(purchaseNotification(before, after, 'Maya', AT)).toEqual({ at: AT, purchaserId: 'person-1', subscriptionId: 'sub-1', productId: 'prod-chat', kind: 'cancellation', message: 'Maya canceled Northwind Chat (Too expensive) — it ends on Dec 1, 2026' });
  });

  it('says nothing of assignments, reactivations or an undone purchase', () => {
    const sub = subscription();
    expect(purchaseNotification(sub, { ...sub, assigned: { ann: AT } }, 'Maya', AT)).toBeUndefined();
    expect(purchaseNotification({ ...sub, status: 'canceled' }, sub, 'Maya', AT)).toBeUndefined();
    expect(purchaseNotification(sub, undefined, 'Maya', AT)).toBeUndefined();
  });
});
