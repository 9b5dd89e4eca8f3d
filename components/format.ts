import type { IsoDate } from '../lib/dates';

const dayFormatter = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** `2026-04-30` → `Apr 30, 2026`. */
export function formatDate(day: IsoDate): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : dayFormatter.format(ms);
}

// Terms and prices are labelled by lib/billing/price-label, for the CSV export too.
export { PER_TERM, TERM_LABELS } from '../lib/billing/price-label';

export function nowIso(): string {
  return new Date().toISOString();
}
