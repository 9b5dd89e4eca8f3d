import { describe, expect, it } from 'vitest';
import { renewalsByMonth, upcomingRenewals } from '../../../lib/insights/upcoming-renewals';
import { subscription } from '../../fixtures/subscription';

const NOW = '2026-12-02T09:00:00.000Z';

describe('upcomingRenewals', () => {
  it('lists each renewal in the next 90 days: a monthly one on every anniversary of its start, an annual one once', () => {
    const chat = subscription({ id: 'chat', productName: 'Chat', term: 'monthly', startedOn: '2026-01-31', renewsOn: '2026-12-31', licenses: 10, unitPrice: 1250 });
    const notes = subscription({ id: 'notes', productName: 'Notes', term: 'annual', startedOn: '2026-02-15', renewsOn: '2027-02-15', licenses: 3, unitPrice: 12_000 });
    const later = subscription({ id: 'later', term: 'annual', startedOn: '2026-06-01', renewsOn: '2027-06-01' });
    expect(upcomingRenewals([chat, notes, later], NOW).map((r) => [r.on, r.productName, r.amount])).toEqual([
      ['2026-12-31', 'Chat', 12_500],
      ['2027-01-31', 'Chat', 12_500],
      ['2027-02-15', 'Notes', 36_000],
      ['2027-02-28', 'Chat', 12_500],
    ]);
  });

  it('leaves out canceled and expired subscriptions', () => {
    expect(upcomingRenewals([subscription({ status: 'canceled', renewsOn: '2026-12-20' }), subscription({ status: 'expired' })], NOW)).toEqual([]);
  });
});

describe('renewalsByMonth', () => {
  it('adds the renewals of each month, per currency', () => {
    const chat = subscription({ id: 'chat', productName: 'Chat', startedOn: '2026-11-10', renewsOn: '2026-12-10', licenses: 2, unitPrice: 1000 });
    const eur = subscription({ id: 'eur', productName: 'Euro', startedOn: '2026-11-20', renewsOn: '2026-12-20', licenses: 1, unitPrice: 500, currency: 'EUR' });
    expect(renewalsByMonth(upcomingRenewals([chat, eur], NOW, 40))).toEqual([
      { month: '2026-12', currency: 'EUR', total: 500 },
      { month: '2026-12', currency: 'USD', total: 2000 },
      { month: '2027-01', currency: 'USD', total: 2000 },
    ]);
  });
});
