import type { SummaryEntry } from '../../../lib/room/summary';

/** A valid summary entry of the demo's shape; override what a test is about. */
export function entry(overrides: Partial<SummaryEntry> = {}): SummaryEntry {
  return {
    purchaserId: 'person-01',
    purchaserName: 'Maya Okafor',
    subscriptionId: 'sub-chat',
    productId: 'prod-chat',
    productName: 'Contoso Chat',
    licenses: 10,
    assignedCount: 2,
    assignedNames: ['Ann Lee', 'Bo Park'],
    term: 'monthly',
    status: 'active',
    renewsOn: '2026-12-10',
    unitPrice: 800,
    termPrice: 8_000,
    currency: 'USD',
    ...overrides,
  };
}
