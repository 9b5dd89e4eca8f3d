import { describe, expect, it } from 'vitest';
import { Response } from '../../../lib/messaging/requests';
import { parseResponse } from '../../../extension/ui/messaging';

// The pages check replies by hand to keep zod out of the popup; this keeps that check and the schema in step.
const samples: unknown[] = [
  { ok: true, message: 'Added 5 licenses', canUndo: true },
  { ok: true, message: '', canUndo: false },
  { ok: false, errors: { total: 'Enter a whole number of licenses' } },
  { ok: false, errors: {} },
  { ok: true, message: 'x' },
  { ok: true, message: 3, canUndo: true },
  { ok: false, errors: 'nope' },
  { ok: false, errors: ['a'] },
  { ok: 'yes' },
  null,
  'ok',
  undefined,
];

describe('parseResponse', () => {
  it.each(samples.map((s) => [JSON.stringify(s) ?? 'undefined', s]))('agrees with the Response schema on %s', (_, sample) => {
    const byHand = parseResponse(sample);
    const bySchema = Response.safeParse(sample);
    expect(byHand).toEqual(bySchema.success ? bySchema.data : undefined);
  });
});
