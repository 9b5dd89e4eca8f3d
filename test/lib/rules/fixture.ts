import type { Subscription } from '../../../lib/subscriptions/schema';
import { subscription } from '../../fixtures/subscription';

/** An honest purchase of 5 Contoso Chat licenses at NOW (test/lib/commands/fixture.ts), as the buy command writes it. */
export function purchase(overrides: Partial<Subscription> = {}): Subscription {
  return subscription({
    id: 'sub-new',
    productName: 'Contoso Chat',
    purchaserId: 'person-01',
    licenses: 5,
    startedOn: '2026-03-15',
    renewsOn: '2026-04-15',
    paymentMethodId: 'pm-visa',
    ...overrides,
  });
}
