import { describe, expect, it } from 'vitest';
import { parseRoom, roomName } from '../../../lib/sync/room-name';

describe('room names', () => {
  it('parses each kind and formats it back', () => {
    for (const name of ['org/org-a', 'summary/org-a', 'purchaser/org-a/person-01', 'billing/org-a/person-01']) {
      const room = parseRoom(name);
      expect(room).toBeDefined();
      expect(roomName(room!)).toBe(name);
    }
    expect(parseRoom('purchaser/org-a/person-01')).toEqual({ kind: 'purchaser', orgId: 'org-a', personId: 'person-01' });
  });

  it('rejects names that are no room', () => {
    for (const name of ['', 'org', 'org/', 'org/a/b', 'purchaser/org-a', 'purchaser/org-a/p/x', 'other/org-a', 'org/../x', 'org/a b', `org/${'x'.repeat(65)}`]) {
      expect(parseRoom(name), name).toBeUndefined();
    }
  });
});
