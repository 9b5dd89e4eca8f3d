import { describe, expect, it } from 'vitest';
import { totalWasteText, wasteText } from '../../../lib/insights/waste-text';

describe('waste text', () => {
  const chat = { unused: 88, perMonth: 110_000, perYear: 1_320_000, currency: 'USD' as const };

  it('says how many licenses nobody uses and what they cost a month', () => {
    expect(wasteText(chat)).toBe('88 unused licenses — $1,100.00 a month');
    expect(wasteText({ ...chat, unused: 1, perMonth: 1250 })).toBe('1 unused license — $12.50 a month');
  });

  it('totals the waste in one sentence, each currency’s cost on its own', () => {
    expect(totalWasteText([])).toBe('');
    expect(totalWasteText([{ currency: 'USD', unused: 107, perMonth: 123_400, perYear: 0 }])).toBe('You pay for 107 unused licenses — $1,234.00 a month');
    expect(totalWasteText([{ currency: 'USD', unused: 2, perMonth: 2_000, perYear: 0 }, { currency: 'EUR', unused: 1, perMonth: 500, perYear: 0 }])).toBe('You pay for 3 unused licenses — $20.00 a month and €5.00 a month');
  });
});
