/**
 * `numerator / denominator` rounded half away from zero, in exact integer arithmetic so that a
 * charge and the matching credit are always the same amount with opposite signs.
 */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`Cannot divide ${numerator} by ${denominator} exactly`);
  }
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  if (2 * Math.abs(remainder) < denominator) return quotient;
  return quotient + Math.sign(numerator);
}
