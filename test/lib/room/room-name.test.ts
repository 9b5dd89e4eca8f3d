import { describe, expect, it } from 'vitest';
import { Room, parseRoom, roomName } from '../../../lib/room/room-name';

describe('room names', () => {
  it('parses each kind and formats it back', () => {
    for (const name of ['org/org-a', 'summary/org-a', 'support/org-a', 'purchaser/org-a/person-01', 'billing/org-a/person-01']) {
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

  it('agrees with the Room schema', () => {
    const names = ['org/a', 'summary/a.b', 'purchaser/a/b', 'billing/A_1/b-2', 'purchaser/a/', 'purchaser//b', 'org/-a', 'org/.a', 'summary/a/b', 'support/a', 'support/a/b', 'billing/a', `purchaser/a/${'x'.repeat(64)}`, `purchaser/a/${'x'.repeat(65)}`, 'org/a\n'];
    for (const name of names) {
      const [kind, orgId, personId] = name.split('/');
      const schema = Room.safeParse(kind === 'org' || kind === 'summary' || kind === 'support' ? (personId === undefined ? { kind, orgId } : undefined) : { kind, orgId, personId });
      expect(parseRoom(name), name).toEqual(schema.success ? schema.data : undefined);
    }
  });
});
