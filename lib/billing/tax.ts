import type { MinorUnits } from '../money';
import { divideRounded } from './rounding';

/**
 * Tax on an amount at a rate in basis points, rounded half up to the cent. Credits round their
 * magnitude the same way, so refunding a charge returns exactly the tax that was paid on it.
 */
export function taxOn(amount: MinorUnits, rateBps: number): MinorUnits {
  return divideRounded(amount * rateBps, 10_000);
}
