// Types only: the schemas live apart so that pages formatting a date don't load zod.
import type { IsoDate, IsoDateTime } from './schemas/dates';

export type { IsoDate, IsoDateTime };

export function toIsoDate(instant: IsoDateTime | Date): IsoDate {
  return (typeof instant === 'string' ? instant : instant.toISOString()).slice(0, 10);
}

/** Adds calendar months in UTC, clamping to the last day of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: IsoDate, months: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return toIsoDate(firstOfTarget);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Adds whole days in UTC. */
export function addDays(day: IsoDate, days: number): IsoDate {
  return toIsoDate(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** False for strings shaped like a date that name no real day (`2026-02-31`), which Date.parse would roll over. */
export function isCalendarDate(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && toIsoDate(new Date(ms)) === day;
}

const dayFormatter = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** `2026-04-30` → `Apr 30, 2026`, for messages and documents. */
export function formatDay(day: IsoDate): string {
  return dayFormatter.format(new Date(`${day}T00:00:00Z`));
}
