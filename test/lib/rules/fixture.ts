import type { Subscription } from '../../../lib/subscriptions/schema';

/** An honest purchase of 5 Contoso Chat licenses at NOW (test/lib/commands/fixture.ts), as the buy command writes it. */
export function purchase(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-new',
    productId: 'prod-chat',
    productName: 'Contoso Chat',
    purchaserId: 'person-01',
    licenses: 5,
    assigned: {},
    term: 'monthly',
    status: 'active',
    startedOn: '2026-03-15',
    renewsOn: '2026-04-15',
    unitPrice: 1250,
    currency: 'USD',
    paymentMethodId: 'pm-visa',
    ...overrides,
  };
}
