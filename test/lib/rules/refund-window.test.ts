import { describe, expect, it } from 'vitest';
import { withinRefundWindow } from '../../../lib/rules/refund-window';

describe('withinRefundWindow', () => {
  it('holds from the day of purchase through the 6th day after it, on the server clock', () => {
    expect(withinRefundWindow('2026-03-15', '2026-03-15T00:00:00.000Z')).toBe(true);
    expect(withinRefundWindow('2026-03-15', '2026-03-21T23:59:59.999Z')).toBe(true);
    expect(withinRefundWindow('2026-03-15', '2026-03-22T00:00:00.000Z')).toBe(false);
    expect(withinRefundWindow('2026-03-15', '2026-03-14T23:00:00.000Z')).toBe(false);
  });
});
