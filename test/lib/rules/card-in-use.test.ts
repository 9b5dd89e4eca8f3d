import { describe, expect, it } from 'vitest';
import { cardRemovalRefusal, judgeCardRemoval, subscriptionsPaidBy } from '../../../lib/rules/card-in-use';
import { NOW, seededState } from '../commands/fixture';

const state = seededState();
const visa = state.paymentMethods['pm-visa']!;
const subs = Object.values(state.subscriptions);

describe('subscriptionsPaidBy', () => {
  it('counts active and canceled-but-running subscriptions, never expired ones', () => {
    const paid = subscriptionsPaidBy('pm-visa', subs, NOW).map((s) => s.id).sort();
    expect(paid).toEqual(['sub-chat', 'sub-design', 'sub-notes', 'sub-whiteboard']);
    // Tailspin Whiteboard is canceled but in its term; Proseware PDF Editor has expired.
    expect(state.subscriptions['sub-whiteboard']!.status).toBe('canceled');
    expect(paid).not.toContain('sub-pdf');
    expect(subscriptionsPaidBy('pm-other', subs, NOW)).toEqual([]);
  });
});

describe('cardRemovalRefusal', () => {
  it('names what the card pays, and lets a card nothing runs on go', () => {
    expect(cardRemovalRefusal(visa, subs, NOW)).toBe(
      'Visa ending 4242 pays Contoso Chat, Litware Notes, Fabrikam Design Studio and Tailspin Whiteboard, so it cannot be removed. Replace it with another card instead; they keep working.',
    );
    const onlyExpired = subs.filter((s) => s.id === 'sub-pdf');
    expect(cardRemovalRefusal(visa, onlyExpired, NOW)).toBeUndefined();
  });
});

describe('judgeCardRemoval', () => {
  it('puts back a card a running subscription still uses, saying so', () => {
    const onlyChat = subs.filter((s) => s.id === 'sub-chat');
    expect(judgeCardRemoval(visa, onlyChat, NOW)).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'paymentMethods', id: 'pm-visa', fields: visa }],
      notices: [{ message: 'Visa ending 4242 still pays Contoso Chat, so it was kept. Replace it with another card to stop using it.' }],
    });
  });

  it('accepts removing a card nothing runs on, or one that was not valid', () => {
    expect(judgeCardRemoval(visa, [], NOW)).toEqual({ ok: true, corrections: [], notices: [] });
    expect(judgeCardRemoval(undefined, subs, NOW)).toEqual({ ok: true, corrections: [], notices: [] });
  });
});
