import { toIsoDate, type IsoDate, type IsoDateTime } from '../dates';
import type { Subscription } from '../subscriptions/schema';
import { addWaste, unusedLicenses, type UnusedLicenses, type WasteTotal } from './unused-licenses';

/**
 * The purchaser's total waste as the background stores it for the popup (one small row instead of
 * every subscription): right until `staleOn`, the day the first canceled subscription with unused
 * licenses ends and stops wasting.
 */
export interface WasteSnapshot {
  totals: WasteTotal[];
  staleOn?: IsoDate;
}

/** The snapshot's totals when they still hold at `now`, undefined when they must be computed again. */
export function freshWaste(snapshot: WasteSnapshot | undefined, now: IsoDateTime): WasteTotal[] | undefined {
  if (!snapshot) return undefined;
  return snapshot.staleOn === undefined || toIsoDate(now) < snapshot.staleOn ? snapshot.totals : undefined;
}

/**
 * Each subscription's waste, kept one change at a time: a change to one subscription recomputes that
 * one only, and a snapshot adds up the kept figures without reading any subscription again.
 */
export class WasteLedger {
  private readonly entries = new Map<string, { waste: UnusedLicenses; endsOn?: IsoDate }>();

  put(sub: Subscription, now: IsoDateTime): void {
    const waste = unusedLicenses(sub, now);
    if (!waste.unused) this.entries.delete(sub.id);
    else this.entries.set(sub.id, { waste, ...(sub.status === 'canceled' ? { endsOn: sub.renewsOn } : {}) });
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  snapshot(): WasteSnapshot {
    const entries = [...this.entries.values()];
    const ends = entries.flatMap((entry) => (entry.endsOn ? [entry.endsOn] : [])).sort();
    return { totals: addWaste(entries.map((entry) => entry.waste)), ...(ends[0] ? { staleOn: ends[0] } : {}) };
  }
}
