import { describe, expect, it } from 'vitest';
import { demoOrg } from '../../../lib/org/demo';
import type { Product } from '../../../lib/org/schemas';
import { orgViewOf } from '../../../lib/rules/org-view';
import { assignedCoverRefusal, licenseLimitRefusal, outsiders, purchaseRefusal, purchaseTerms, selfServiceAllowed } from '../../../lib/rules/purchase-rules';

const org = orgViewOf(demoOrg());

function product(id: string): Product {
  const found = org.product(id);
  if (!found) throw new Error(`The demo catalog has no ${id}`);
  return found;
}

describe('purchaseRefusal', () => {
  it('refuses a product that is not in the catalog', () => {
    expect(purchaseRefusal(org, 'prod-unknown')).toBe('This product is not in your catalog');
  });

  it('refuses a product sold by contract only, naming it', () => {
    expect(purchaseRefusal(org, 'prod-analytics')).toBe("Adatum Analytics can't be bought here. Contact your sales representative.");
    expect(purchaseRefusal(org, 'prod-mail')).toBe("Woodgrove Secure Mail can't be bought here. Contact your sales representative.");
  });

  it('allows a self-service product', () => {
    expect(purchaseRefusal(org, 'prod-chat')).toBeUndefined();
    expect(purchaseRefusal(org, 'prod-pdf')).toBeUndefined();
  });

  it('follows the admins’ policy over the catalog’s default, and says it was their decision', () => {
    const withPolicy = (id: string, selfServicePolicy: 'allow' | 'deny') => ({ ...org, product: (productId: string) => (productId === id ? { ...product(id), selfServicePolicy } : org.product(productId)) });
    expect(purchaseRefusal(withPolicy('prod-chat', 'deny'), 'prod-chat')).toBe('Your IT admin has turned off self-service purchases of Contoso Chat.');
    expect(purchaseRefusal(withPolicy('prod-analytics', 'allow'), 'prod-analytics')).toBeUndefined();
  });
});

describe('selfServiceAllowed', () => {
  it('is the policy when an admin set one, else the catalog’s default', () => {
    expect(selfServiceAllowed({ selfService: true })).toBe(true);
    expect(selfServiceAllowed({ selfService: false })).toBe(false);
    expect(selfServiceAllowed({ selfService: true, selfServicePolicy: 'deny' })).toBe(false);
    expect(selfServiceAllowed({ selfService: false, selfServicePolicy: 'allow' })).toBe(true);
  });
});

describe('licenseLimitRefusal', () => {
  const chat = product('prod-chat');

  it('allows up to and including the product maximum', () => {
    expect(licenseLimitRefusal(chat, 1)).toBeUndefined();
    expect(licenseLimitRefusal(chat, 500)).toBeUndefined();
    expect(licenseLimitRefusal(chat, 500, 'buy')).toBeUndefined();
  });

  it("refuses one more than the maximum, in the form's wording", () => {
    expect(licenseLimitRefusal(chat, 501)).toBe('You can have up to 500 licenses of Contoso Chat');
    expect(licenseLimitRefusal(chat, 501, 'have')).toBe('You can have up to 500 licenses of Contoso Chat');
    expect(licenseLimitRefusal(chat, 501, 'buy')).toBe('You can buy up to 500 licenses of Contoso Chat');
  });

  it('writes large maximums with thousands separators and a maximum of one in the singular', () => {
    expect(licenseLimitRefusal(product('prod-mail'), 5_001, 'buy')).toBe('You can buy up to 5,000 licenses of Woodgrove Secure Mail');
    expect(licenseLimitRefusal({ ...chat, maxLicenses: 1 }, 2)).toBe('You can have up to 1 license of Contoso Chat');
  });
});

describe('assignedCoverRefusal', () => {
  it('allows licenses that cover everyone assigned', () => {
    expect(assignedCoverRefusal(12, 12)).toBeUndefined();
    expect(assignedCoverRefusal(100, 12)).toBeUndefined();
    expect(assignedCoverRefusal(1, 0)).toBeUndefined();
  });

  it('refuses fewer licenses than people, saying how many to unassign', () => {
    expect(assignedCoverRefusal(10, 12)).toBe('12 people have licenses. Unassign 2 of them first, or keep at least 12 licenses.');
    expect(assignedCoverRefusal(2, 3)).toBe('3 people have licenses. Unassign 1 of them first, or keep at least 3 licenses.');
  });

  it('speaks of one person in the singular', () => {
    expect(assignedCoverRefusal(0, 1)).toBe('1 person has a license. Unassign 1 of them first, or keep at least 1 license.');
  });
});

describe('outsiders', () => {
  it('lists the ids that are not people of the organization, in the order given', () => {
    expect(outsiders(org, ['person-02', 'person-99', 'person-50', 'someone@else.example', 'person-51'])).toEqual([
      'person-99',
      'someone@else.example',
      'person-51',
    ]);
  });

  it('finds none among members', () => {
    expect(outsiders(org, ['person-01', 'person-13'])).toEqual([]);
    expect(outsiders(org, [])).toEqual([]);
  });
});

describe('purchaseTerms', () => {
  it('takes the monthly price, currency and name from the catalog; the term runs one month from today', () => {
    expect(purchaseTerms(product('prod-chat'), 'monthly', '2026-03-15T12:00:00.000Z')).toEqual({
      productName: 'Contoso Chat',
      unitPrice: 1250,
      currency: 'USD',
      startedOn: '2026-03-15',
      renewsOn: '2026-04-15',
    });
  });

  it('takes the annual price for an annual term, which runs twelve months', () => {
    expect(purchaseTerms(product('prod-design'), 'annual', '2026-03-15T12:00:00.000Z')).toEqual({
      productName: 'Fabrikam Design Studio',
      unitPrice: 45_000,
      currency: 'USD',
      startedOn: '2026-03-15',
      renewsOn: '2027-03-15',
    });
  });

  it("uses the catalog's currency", () => {
    const euro: Product = { ...product('prod-notes'), currency: 'EUR', prices: { monthly: 550, annual: 5_500 } };
    expect(purchaseTerms(euro, 'annual', '2026-03-15T12:00:00.000Z')).toMatchObject({ unitPrice: 5_500, currency: 'EUR' });
  });

  it('starts on the UTC day of now, late in the evening and just after midnight', () => {
    expect(purchaseTerms(product('prod-chat'), 'monthly', '2026-03-15T23:59:59.999Z').startedOn).toBe('2026-03-15');
    expect(purchaseTerms(product('prod-chat'), 'monthly', '2026-03-16T00:00:00.000Z').startedOn).toBe('2026-03-16');
  });

  it('renews on the last day of a shorter month: Jan 31 → Feb 28, and Feb 29 in a leap year', () => {
    expect(purchaseTerms(product('prod-chat'), 'monthly', '2026-01-31T10:00:00.000Z')).toMatchObject({ startedOn: '2026-01-31', renewsOn: '2026-02-28' });
    expect(purchaseTerms(product('prod-chat'), 'monthly', '2028-01-31T10:00:00.000Z')).toMatchObject({ startedOn: '2028-01-31', renewsOn: '2028-02-29' });
    expect(purchaseTerms(product('prod-chat'), 'annual', '2026-01-31T10:00:00.000Z')).toMatchObject({ startedOn: '2026-01-31', renewsOn: '2027-01-31' });
    expect(purchaseTerms(product('prod-chat'), 'annual', '2028-02-29T10:00:00.000Z')).toMatchObject({ startedOn: '2028-02-29', renewsOn: '2029-02-28' });
  });

  it('renews a December purchase in the next year', () => {
    expect(purchaseTerms(product('prod-chat'), 'monthly', '2026-12-31T10:00:00.000Z').renewsOn).toBe('2027-01-31');
  });
});
