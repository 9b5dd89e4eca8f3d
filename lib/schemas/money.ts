import * as z from 'zod/mini';

/** Money is always an integer count of the currency's minor unit (cents), never a float. */
export const MinorUnits = z.int();
export type MinorUnits = z.infer<typeof MinorUnits>;

export const Currency = z.enum(['USD', 'EUR', 'GBP']);
export type Currency = z.infer<typeof Currency>;
