import { describe, expect, it } from 'vitest';
import { priceLabel, priceSuffix } from '../../../lib/billing/price-label';

describe('priceLabel', () => {
  it('says the term and whether tax is in it', () => {
    expect(priceLabel(131_250, 'USD', { term: 'monthly', tax: 'before' })).toBe('$1,312.50 per month before tax');
    expect(priceLabel(142_078, 'USD', { term: 'monthly', tax: 'incl' })).toBe('$1,420.78 per month incl. tax');
    expect(priceLabel(14_990, 'EUR', { term: 'annual', tax: 'before', perLicense: true })).toBe('€149.90 per license per year before tax');
  });

  it('gives the same words without the amount', () => {
    expect(priceSuffix({ term: 'annual', tax: 'incl' })).toBe('per year incl. tax');
  });
});
