import { describe, expect, it } from 'vitest';
import { FAQ, searchFaq } from '../../../lib/help/faq';

const ids = (query: string) => searchFaq(query).map((e) => e.id);

describe('FAQ', () => {
  it('has about ten entries with unique ids', () => {
    expect(FAQ.length).toBeGreaterThanOrEqual(10);
    expect(new Set(FAQ.map((e) => e.id)).size).toBe(FAQ.length);
  });
});

describe('searchFaq', () => {
  it('returns every entry for an empty or meaningless query', () => {
    expect(searchFaq('')).toEqual(FAQ);
    expect(searchFaq('  how do I ')).toEqual(FAQ);
  });

  it('finds entries by keywords the text does not contain', () => {
    expect(ids('refund')).toEqual(['remove-licenses']);
    expect(ids('CVV')).toEqual(['card-storage']);
  });

  it('ignores case, punctuation and filler words', () => {
    expect(ids('How do I CANCEL?')[0]).toBe('cancel');
  });

  it('matches the last word while it is being typed', () => {
    expect(ids('invoi')[0]).toBe('invoices');
    expect(ids('licen')).toContain('add-licenses');
  });

  it('matches earlier words whole and ranks entries matching more words first', () => {
    expect(ids('add licenses')).toEqual(['add-licenses', 'remove-licenses', 'assign']);
  });

  it('returns nothing when no word matches', () => {
    expect(searchFaq('xylophone')).toEqual([]);
  });
});
