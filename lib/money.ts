// Types only: the schemas live apart so that pages formatting money don't load zod.
import type { Currency, MinorUnits } from './schemas/money';

export type { Currency, MinorUnits };

const formatters = new Map<Currency, Intl.NumberFormat>();

export function formatMoney(amount: MinorUnits, currency: Currency): string {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, f);
  }
  return f.format(amount / 100);
}
