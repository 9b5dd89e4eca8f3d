import { describe, expect, test } from 'vitest';
import { sortSubscriptions, subscriptionTitle, termSince } from '../../components/subscription-view';
import { memoryDb } from '../fixtures/db';
import { subscription } from '../fixtures/subscription';

describe('sortSubscriptions', () => {
  test('by name agrees with the productName index the popup reads its first screen from', async () => {
    const names = ['beta tool', 'Beta Tool', 'Éclair', 'Zeta', 'Alpha', 'Alpha', 'Alpha Pro', 'alpha'];
    const subs = names.map((productName, i) => subscription({ id: `sub-${names.length - i}`, productName }));
    const { db } = memoryDb();
    await db.subscriptions.bulkPut(subs);
    const indexed = await db.subscriptions.orderBy('productName').toArray();
    expect(sortSubscriptions(subs, 'name').map((s) => s.id)).toEqual(indexed.map((s) => s.id));
    db.close();
  });

  test('breaks ties in renewal and license order by name', () => {
    const subs = [
      subscription({ id: 'a', productName: 'Zeta', renewsOn: '2026-12-01', licenses: 5 }),
      subscription({ id: 'b', productName: 'Alpha', renewsOn: '2026-12-01', licenses: 5 }),
      subscription({ id: 'c', productName: 'Mid', renewsOn: '2026-11-15', licenses: 50 }),
    ];
    expect(sortSubscriptions(subs, 'renewal').map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(sortSubscriptions(subs, 'licenses').map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('termSince', () => {
  test('tells two subscriptions of one product apart by term and start', () => {
    const annual = subscription({ productName: 'Contoso Chat', term: 'annual', startedOn: '2026-03-03' });
    const monthly = subscription({ productName: 'Contoso Chat', term: 'monthly', startedOn: '2026-05-20' });
    expect(subscriptionTitle(annual)).toBe('Contoso Chat · Annual · since Mar 3, 2026');
    expect(termSince(monthly)).toBe('Monthly · since May 20, 2026');
  });
});
