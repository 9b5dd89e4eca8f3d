import * as Y from 'yjs';
import { useState } from 'preact/hooks';
import { licensedUsersCsv, type PurchasedSubscription } from '../lib/admin/licensed-users-csv';
import type { SummaryRow } from '../lib/admin/summary-rows';
import type { IsoDate } from '../lib/dates';
import { createPurchaserDoc } from '../lib/doc/purchaser-doc';
import { Person } from '../lib/org/schemas';
import { createOrgDoc } from '../lib/room/org-doc';
import { readSubscription } from '../lib/room/summary';
import type { Subscription } from '../lib/subscriptions/schema';
import { downloadText } from './download';
import { readRoomOnce } from './read-room-once';

interface Props {
  orgId: string;
  accessToken: string;
  /** The subscriptions ticked in the table. */
  selected: readonly SummaryRow[];
  today: IsoDate;
}

/** The directory's valid people, by id. */
function readDirectory(doc: Y.Doc): Record<string, Person> {
  return Object.fromEntries(
    [...doc.getMap<unknown>('directory')].flatMap(([id, entity]) => {
      const person = Person.safeParse(entity instanceof Y.Map ? entity.toJSON() : entity);
      return person.success ? [[id, person.data]] : [];
    }),
  );
}

/** A purchaser room's valid subscriptions, by id, read as plain data before the document goes. */
function readSubscriptions(doc: Y.Doc): Map<string, Subscription> {
  return new Map([...doc.getMap<unknown>('subscriptions')].flatMap(([id, entity]) => {
    const subscription = readSubscription(id, entity);
    return subscription ? [[id, subscription] as const] : [];
  }));
}

/**
 * "Export users" of the reference: the licensed users of the ticked subscriptions, read from their
 * purchasers' rooms (the summary holds names only) and the org room's directory, each connected,
 * read and left again; nothing is written.
 */
export function ExportUsersButton({ orgId, accessToken, selected, today }: Props) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function exportUsers() {
    setBusy(true);
    setMessage('Reading the subscriptions…');
    try {
      const purchasers = [...new Set(selected.map((row) => row.purchaserId))];
      const [directory, ...rooms] = await Promise.all([
        readRoomOnce(`org/${orgId}`, createOrgDoc, accessToken, readDirectory),
        ...purchasers.map((id) => readRoomOnce(`purchaser/${orgId}/${id}`, createPurchaserDoc, accessToken, readSubscriptions)),
      ]);
      const byPurchaser = new Map(purchasers.map((id, i) => [id, rooms[i]!]));
      // A subscription undone since the table showed it is not in its room any more: it has no users to export.
      const chosen = selected.flatMap((row): PurchasedSubscription[] => {
        const subscription = byPurchaser.get(row.purchaserId)?.get(row.subscriptionId);
        return subscription ? [{ purchaserName: row.purchaserName, subscription }] : [];
      });
      const people = chosen.reduce((n, { subscription }) => n + Object.keys(subscription.assigned).length, 0);
      setMessage(`Exported ${people === 1 ? '1 licensed user' : `${people} licensed users`} of ${chosen.length === 1 ? '1 subscription' : `${chosen.length} subscriptions`}.`);
      downloadText(`seatkeeper-licensed-users-${today}.csv`, licensedUsersCsv(chosen, directory), 'text/csv;charset=utf-8');
    } catch (error) {
      setMessage(`Could not export users: ${error instanceof Error ? error.message : String(error)} Try again.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" class="btn" disabled={busy || selected.length === 0} onClick={() => void exportUsers()}>
        {busy ? 'Exporting users…' : 'Export users'}
      </button>
      <span class="visually-hidden" role="status">
        {message}
      </span>
    </>
  );
}
