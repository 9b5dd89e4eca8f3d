import { describe, expect, it } from 'vitest';
import { totalWaste } from '../../../lib/insights/unused-licenses';
import { freshWaste, WasteLedger } from '../../../lib/insights/waste-ledger';
import { subscription } from '../../fixtures/subscription';

const NOW = '2026-11-15T12:00:00.000Z';
const assigned = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p-${i}`, NOW]));

describe('WasteLedger', () => {
  it('totals what totalWaste totals, kept one subscription at a time', () => {
    const subs = [
      subscription({ id: 'a', licenses: 10, assigned: assigned(2), unitPrice: 1000 }),
      subscription({ id: 'b', term: 'annual', licenses: 7, assigned: assigned(3), unitPrice: 48_713 }),
      subscription({ id: 'c', licenses: 2, unitPrice: 5000, currency: 'EUR' }),
    ];
    const ledger = new WasteLedger();
    for (const sub of subs) ledger.put(sub, NOW);
    expect(ledger.snapshot()).toEqual({ totals: totalWaste(subs, NOW) });

    // Everyone assigned on one, another removed: only those two change.
    ledger.put({ ...subs[0]!, assigned: assigned(10) }, NOW);
    ledger.delete('c');
    expect(ledger.snapshot().totals).toEqual(totalWaste([subs[1]!], NOW));
  });

  it('is stale from the day a canceled subscription with unused licenses ends', () => {
    const ledger = new WasteLedger();
    ledger.put(subscription({ id: 'late', status: 'canceled', renewsOn: '2027-01-10', licenses: 5 }), NOW);
    ledger.put(subscription({ id: 'soon', status: 'canceled', renewsOn: '2026-12-01', licenses: 5 }), NOW);
    // Canceled with nothing unused: wastes nothing and never makes the total stale.
    ledger.put(subscription({ id: 'full', status: 'canceled', renewsOn: '2026-11-20', licenses: 1, assigned: assigned(1) }), NOW);
    const snapshot = ledger.snapshot();
    expect(snapshot.staleOn).toBe('2026-12-01');
    expect(freshWaste(snapshot, '2026-11-30T23:59:59.000Z')).toEqual(snapshot.totals);
    expect(freshWaste(snapshot, '2026-12-01T00:00:00.000Z')).toBeUndefined();
  });

  it('holds nothing once cleared; no snapshot is no total', () => {
    const ledger = new WasteLedger();
    ledger.put(subscription({ licenses: 3 }), NOW);
    ledger.clear();
    expect(ledger.snapshot()).toEqual({ totals: [] });
    expect(freshWaste(undefined, NOW)).toBeUndefined();
  });
});
