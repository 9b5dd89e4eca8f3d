import { describe, expect, it } from 'vitest';
import { canPay, defaultCardId, isDefaultCard, payableCards } from '../../../lib/billing/payable-cards';

type Card = { id: string; profileId: string; cardRef?: string };
const tokened: Card = { id: 'pm-a', profileId: 'bp-1', cardRef: 'card_aaaaaaaa' };
const untokened: Card = { id: 'pm-b', profileId: 'bp-1' };
const other: Card = { id: 'pm-c', profileId: 'bp-2', cardRef: 'card_cccccccc' };

describe('payableCards', () => {
  it('offers every card in the demo, only tokenized ones once signed in', () => {
    expect(payableCards([tokened, untokened], false)).toEqual([tokened, untokened]);
    expect(payableCards([tokened, untokened], true)).toEqual([tokened]);
    expect(canPay(untokened, true)).toBe(false);
    expect(canPay(untokened, false)).toBe(true);
  });
});

describe('defaultCardId', () => {
  it('preselects a billing profile’s default card, else the first card', () => {
    const profiles = [{ id: 'bp-1', paymentMethodId: 'pm-b' }, { id: 'bp-2' }];
    expect(defaultCardId([tokened, untokened, other], profiles)).toBe('pm-b');
    expect(isDefaultCard(untokened, profiles)).toBe(true);
    expect(isDefaultCard(tokened, profiles)).toBe(false);
    // The default among the cards offered: a default that cannot pay is not among them.
    expect(defaultCardId(payableCards([tokened, untokened, other], true), profiles)).toBe('pm-a');
    expect(defaultCardId([], profiles)).toBeUndefined();
  });

  it('does not take another profile’s default id for a card of this one', () => {
    expect(isDefaultCard({ id: 'pm-a', profileId: 'bp-1' }, [{ id: 'bp-2', paymentMethodId: 'pm-a' }])).toBe(false);
  });
});
