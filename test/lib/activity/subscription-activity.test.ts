import { describe, expect, it } from 'vitest';
import { correctionActivity, subscriptionActivity } from '../../../lib/activity/subscription-activity';
import { subscription } from '../../fixtures/subscription';

const writer = { at: '2026-12-02T09:00:00.000Z', purchaserId: 'person-1', purchaserName: 'Maya Okafor', device: 'Chrome 156 on Linux' };
const names = { person: (id: string) => ({ ann: 'Ann Lee', bo: 'Bo Ek' })[id] ?? id, card: (id: string) => `card ${id}` };
const lines = (...args: Parameters<typeof subscriptionActivity>) => subscriptionActivity(...args).map((e) => `${e.field}: ${e.before} → ${e.after}`);

describe('subscriptionActivity', () => {
  it('a purchase is one line, with the people assigned in it', () => {
    expect(lines(undefined, subscription({ licenses: 3, assigned: { ann: writer.at } }), writer, names)).toEqual(['subscription:  → Bought 3 licenses, monthly', 'assigned:  → Ann Lee']);
  });

  it('an undone purchase says so', () => {
    expect(lines(subscription({ licenses: 3, term: 'annual' }), undefined, writer, names)).toEqual(['subscription: 3 licenses, annual → Purchase undone']);
  });

  it('names every field that changed, before → after, each assignment on its own line', () => {
    const before = subscription({ licenses: 10, assigned: { ann: writer.at } });
    const after = subscription({ licenses: 12, assigned: { bo: writer.at }, status: 'canceled', cancellation: { reason: 'no_longer_needed', feedback: '', canceledAt: writer.at }, paymentMethodId: 'pm-2' });
    expect(lines(before, after, writer, names)).toEqual([
      'licenses: 10 → 12',
      'status: Active → Canceled (No longer needed)',
      'paymentMethod: card pm-1 → card pm-2',
      'assigned:  → Bo Ek',
      'assigned: Ann Lee → ',
    ]);
  });

  it('a cancellation with feedback logs the feedback word for word, once', () => {
    const canceled = subscription({ status: 'canceled', cancellation: { reason: 'other', feedback: '+1+cmd', canceledAt: writer.at } });
    expect(lines(subscription(), canceled, writer, names)).toEqual(['status: Active → Canceled (Other)', 'feedback:  → +1+cmd']);
    expect(lines(canceled, subscription({ ...canceled, licenses: 2 }), writer, names)).toEqual([expect.stringMatching(/^licenses:/)]);
  });

  it('has nothing to say about an edit that changed none of the logged fields', () => {
    expect(lines(subscription(), subscription({ productName: 'Renamed' }), writer, names)).toEqual([]);
  });

  it('every line carries who, when, from where, and which subscription of which product', () => {
    expect(subscriptionActivity(subscription({ licenses: 1 }), subscription({ licenses: 2 }), writer, names)[0]).toEqual({
      ...writer,
      subscriptionId: 'sub-1',
      productId: 'prod-chat',
      productName: 'Northwind Chat',
      field: 'licenses',
      before: '1',
      after: '2',
      by: 'purchaser',
    });
  });
});

describe('correctionActivity', () => {
  it('is the server’s line, with the words the purchaser was told', () => {
    expect(correctionActivity(subscription(), 'Capped at 500.', writer)).toMatchObject({ by: 'server', device: 'server', field: 'correction', before: '', after: 'Capped at 500.', purchaserName: 'Maya Okafor' });
  });
});
