import { describe, expect, it } from 'vitest';
import { chargeRequest } from '../../../lib/billing/charge-request';
import { orgInvoiceNumber } from '../../../lib/billing/invoice';
import type { Subscription } from '../../../lib/subscriptions/schema';

const sub: Subscription = {
  id: 'sub-chat',
  productId: 'prod-chat',
  productName: 'Contoso Chat',
  purchaserId: 'person-01',
  licenses: 100,
  assigned: {},
  term: 'monthly',
  status: 'active',
  startedOn: '2026-01-31',
  renewsOn: '2026-04-30',
  unitPrice: 1250,
  currency: 'USD',
  paymentMethodId: 'pm-visa',
};

describe('chargeRequest', () => {
  it('bills a new subscription its first term at its licenses', () => {
    expect(chargeRequest(undefined, { ...sub, startedOn: '2026-04-15', renewsOn: '2026-05-15' }, 825, '2026-04-15T10:00:00.000Z')).toEqual({
      subscriptionId: 'sub-chat',
      kind: 'purchase',
      lines: [{ description: 'Contoso Chat, 100 licenses, monthly', subscriptionId: 'sub-chat', quantity: 100, amount: 125_000, productName: 'Contoso Chat' }],
      periodStart: '2026-04-15',
      periodEnd: '2026-05-15',
      amounts: { subtotal: 125_000, tax: 10_313, total: 135_313 },
    });
  });

  it('prorates 100 → 105 as in docs/billing.md: $33.83 on Apr 15', () => {
    const request = chargeRequest(sub, { ...sub, licenses: 105 }, 825, '2026-04-15T10:00:00.000Z');
    expect(request).toMatchObject({ kind: 'licenses', periodStart: '2026-04-15', periodEnd: '2026-04-30', amounts: { subtotal: 3125, tax: 258, total: 3383 } });
    expect(request?.lines[0]).toMatchObject({ quantity: 5, amount: 3125 });
  });

  it('credits 100 → 95 exactly the negative', () => {
    expect(chargeRequest(sub, { ...sub, licenses: 95 }, 825, '2026-04-15T10:00:00.000Z')?.amounts).toEqual({ subtotal: -3125, tax: -258, total: -3383 });
  });

  it('has no lines on the renewal day, and nothing at all when the licenses did not change', () => {
    expect(chargeRequest(sub, { ...sub, licenses: 105 }, 825, '2026-04-30T10:00:00.000Z')).toMatchObject({ lines: [], amounts: { total: 0 } });
    expect(chargeRequest(sub, { ...sub, status: 'canceled' }, 825, '2026-04-15T10:00:00.000Z')).toBeUndefined();
  });
});

describe('orgInvoiceNumber', () => {
  it('prefixes the initials of the organization, or the first two letters of a one-word name', () => {
    expect(orgInvoiceNumber('Northwind Labs', 42)).toBe('NL-000042');
    expect(orgInvoiceNumber('Contoso', 7)).toBe('CO-000007');
  });
});
