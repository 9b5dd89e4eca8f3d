import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { Person, Product } from '../../lib/org/schemas';
import { Subscription } from '../../lib/subscriptions/schema';
import { addNotices } from '../../lib/room/billing-doc';
import { currentCharge } from '../../lib/room/current-charge';
import { readOrganization } from '../../lib/room/org-doc';
import type { OrgView } from '../../lib/rules/org-view';
import { judgePurchaserUpdate } from '../../lib/rules/purchaser-update';
import type { Extension } from '../extension';
import type { CardVault } from '../payments/card-vault';
import type { Rooms } from '../rooms';

/**
 * The business rules of a purchaser's update (lib/rules, the same checks the extension's commands
 * make), against the organization's catalog and directory as the server has them now. A lie is
 * refused; an honest merge past the rules is corrected in the same commit, and the purchaser finds
 * why in the notices of their billing room.
 */
export function purchaserRules({ rooms, vault }: { rooms: Rooms; vault: CardVault }): Extension {
  return {
    name: 'purchaser-rules',
    onCheck({ room, touched, before, after, now }) {
      if (room.ref.kind !== 'purchaser') return undefined;
      const { orgId, personId } = room.ref;
      const judgement = judgePurchaserUpdate(touched, before, after, {
        org: orgView(rooms.open({ kind: 'org', orgId }).doc, orgId),
        purchaserId: personId,
        now: new Date(now).toISOString(),
        ownsCard: (ref) => vault.tokenFor(ref, orgId, personId) !== undefined,
        subscriptions: () => subscriptionsOf(room.doc),
        chargeOf: (subscriptionId) => currentCharge(room.doc, rooms.open({ kind: 'billing', orgId, personId }).doc, subscriptionId),
      });
      if (!judgement.ok) return { ok: false, refusal: { code: 'invalid', message: judgement.refuse } };
      return { ok: true, corrections: judgement.corrections, notices: judgement.notices };
    },
    onAccept({ room, notices, now }) {
      if (room.ref.kind !== 'purchaser' || !notices.length) return;
      const at = new Date(now).toISOString();
      const billing = rooms.open({ kind: 'billing', orgId: room.ref.orgId, personId: room.ref.personId });
      rooms.write(billing, (doc) => addNotices(doc, notices.map((notice) => ({ key: randomUUID(), notice: { ...notice, at } }))));
    },
  };
}

/** The org room as the rules see it: one catalog or directory entry parsed per lookup, never the whole directory. */
function orgView(doc: Y.Doc, orgId: string): OrgView {
  const entry = <T>(root: string, id: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) => {
    const value = doc.getMap<unknown>(root).get(id);
    const parsed = value instanceof Y.Map ? schema.safeParse(value.toJSON()) : undefined;
    return parsed?.success ? parsed.data : undefined;
  };
  return {
    orgId,
    // Read only for a notice: most updates never need it.
    get orgName() {
      return readOrganization(doc)?.name ?? orgId;
    },
    product: (id) => entry('catalog', id, Product),
    member: (id) => {
      const person = entry('directory', id, Person);
      return person?.orgId === orgId ? person : undefined;
    },
  };
}

/** The purchaser room's valid subscriptions as they are now (inside the update's transaction: after it). */
function* subscriptionsOf(doc: Y.Doc): Iterable<Subscription> {
  for (const [id, value] of doc.getMap<unknown>('subscriptions')) {
    const parsed = value instanceof Y.Map ? Subscription.safeParse({ ...value.toJSON(), id }) : undefined;
    if (parsed?.success) yield parsed.data;
  }
}
