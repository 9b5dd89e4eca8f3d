import * as z from 'zod/mini';

/** A calendar day in UTC, `YYYY-MM-DD`. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31'));
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant in UTC, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export const IsoDateTime = z.iso.datetime();
export type IsoDateTime = z.infer<typeof IsoDateTime>;
