import { z } from 'zod/mini';

/** Money is always an integer count of the currency's minor unit (cents), never a float. */
export const MinorUnits = z.int();
export type MinorUnits = z.infer<typeof MinorUnits>;

export const Currency = z.enum(['USD', 'EUR', 'GBP']);
export type Currency = z.infer<typeof Currency>;

const formatters = new Map<Currency, Intl.NumberFormat>();

export function formatMoney(amount: MinorUnits, currency: Currency): string {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, f);
  }
  return f.format(amount / 100);
}
