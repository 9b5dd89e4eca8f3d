import { describe, expect, it } from 'vitest';
import { buyFormErrors } from '../../../lib/commands/buy-form';
import { demoOrg } from '../../../lib/org/demo';
import { NOW, seededState } from './fixture';

const chat = demoOrg().catalog.find((p) => p.id === 'prod-chat')!;
const card = seededState().paymentMethods['pm-visa']!;

describe('buyFormErrors', () => {
  it('finds nothing wrong with a purchase the buy command takes', () => {
    expect(buyFormErrors({ productId: chat.id, licenses: 3, term: 'monthly', paymentMethodId: card.id }, chat, card, NOW)).toEqual({});
  });

  it('reports every wrong field at once, in plain words', () => {
    expect(buyFormErrors({ productId: '', licenses: Number.NaN, term: 'weekly', paymentMethodId: '' }, undefined, undefined, NOW)).toEqual({
      productId: 'Choose a product',
      licenses: 'Enter a whole number of licenses',
      term: 'Choose monthly or annual',
      paymentMethodId: 'Choose a payment method',
    });
  });

  it('checks the product’s limit and the card’s expiry with the command’s rules', () => {
    const expired = { ...card, expMonth: 2, expYear: 2026 };
    expect(buyFormErrors({ productId: chat.id, licenses: 501, term: 'annual', paymentMethodId: card.id }, chat, expired, NOW)).toEqual({
      licenses: 'You can buy up to 500 licenses of Contoso Chat',
      paymentMethodId: 'This card has expired. Update it or choose another one.',
    });
  });

  it('refuses a product sold by contract only', () => {
    const analytics = demoOrg().catalog.find((p) => p.id === 'prod-analytics')!;
    expect(buyFormErrors({ productId: analytics.id, licenses: 1, term: 'monthly', paymentMethodId: card.id }, analytics, card, NOW)).toEqual({
      productId: "Adatum Analytics can't be bought here. Contact your sales representative.",
    });
  });
});
