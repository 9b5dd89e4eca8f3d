import type { MinorUnits } from '../money';
import { divideRounded } from './rounding';

export interface ProrationInput {
  /** Per license per term. */
  unitPrice: MinorUnits;
  /** Licenses added (positive) or removed (negative). */
  delta: number;
  remainingDays: number;
  termDays: number;
}

/** The share of a term's price for the days left in it: negative (a credit) when licenses are removed. */
export function prorate({ unitPrice, delta, remainingDays, termDays }: ProrationInput): MinorUnits {
  if (remainingDays <= 0) return 0;
  return divideRounded(unitPrice * delta * remainingDays, termDays);
}
