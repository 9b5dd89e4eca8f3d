import { describe, expect, it } from 'vitest';
import { parseRoom, type Room } from '../../lib/room/room-name';
import { canRead, canWrite } from '../../server/rights';

const room = (name: string): Room => parseRoom(name)!;
const purchaser = { orgId: 'org-a', personId: 'p1', role: 'purchaser' } as const;
const admin = { orgId: 'org-a', personId: 'it1', role: 'admin' } as const;

describe('rights', () => {
  it('lets a purchaser read and write their own room, read their org and billing rooms', () => {
    expect(canRead(purchaser, room('purchaser/org-a/p1'))).toBe(true);
    expect(canWrite(purchaser, room('purchaser/org-a/p1'))).toBe(true);
    expect(canRead(purchaser, room('org/org-a'))).toBe(true);
    expect(canRead(purchaser, room('billing/org-a/p1'))).toBe(true);
    for (const name of ['org/org-a', 'billing/org-a/p1', 'summary/org-a', 'support/org-a']) expect(canWrite(purchaser, room(name)), name).toBe(false);
  });

  it("keeps a purchaser out of other purchasers' rooms, the summary and the support inbox", () => {
    for (const name of ['purchaser/org-a/p2', 'billing/org-a/p2', 'summary/org-a', 'support/org-a']) {
      expect(canRead(purchaser, room(name)), name).toBe(false);
      expect(canWrite(purchaser, room(name)), name).toBe(false);
    }
  });

  it('lets an admin read every room of their organization and write none', () => {
    for (const name of ['org/org-a', 'summary/org-a', 'support/org-a', 'purchaser/org-a/p1', 'billing/org-a/p1']) {
      expect(canRead(admin, room(name)), name).toBe(true);
      expect(canWrite(admin, room(name)), name).toBe(false);
    }
  });

  it('keeps everyone out of another organization', () => {
    for (const who of [purchaser, admin, { ...purchaser, personId: 'p1' }]) {
      for (const name of ['org/org-b', 'summary/org-b', 'support/org-b', 'purchaser/org-b/p1', 'billing/org-b/p1']) {
        expect(canRead(who, room(name)), name).toBe(false);
        expect(canWrite(who, room(name)), name).toBe(false);
      }
    }
  });
});
