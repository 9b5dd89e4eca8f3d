import type { IsoDate } from '../lib/dates';
import type { Term } from '../lib/org/schemas';

const dayFormatter = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** `2026-04-30` → `Apr 30, 2026`. */
export function formatDate(day: IsoDate): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : dayFormatter.format(ms);
}

export const TERM_LABELS: Record<Term, string> = { monthly: 'Monthly', annual: 'Annual' };
export const PER_TERM: Record<Term, string> = { monthly: 'per month', annual: 'per year' };

export function nowIso(): string {
  return new Date().toISOString();
}
