import { useEffect } from 'preact/hooks';
import { Invoice } from '../lib/billing/schemas';
import { createBillingDoc } from '../lib/room/billing-doc';
import { useLiveRoom, type LiveRoomEvents, type LiveStatus } from './use-live-room';

/**
 * One purchaser's billing room (`billing/<orgId>/<personId>`), which admins of the org may read,
 * live: its invoices, each checked against the schema (one that fails is left out), handed to
 * `onInvoices` whenever they change.
 */
export function useBillingInvoices(
  orgId: string,
  personId: string,
  token: string,
  events: LiveRoomEvents,
  onInvoices: (personId: string, invoices: Invoice[], status: LiveStatus) => void,
): void {
  const { entries, status } = useLiveRoom(`billing/${orgId}/${personId}`, 'invoices', createBillingDoc, token, events);
  useEffect(() => {
    const invoices = Object.entries(entries).flatMap(([id, value]) => {
      const parsed = Invoice.safeParse({ ...(value as object), id });
      return parsed.success ? [parsed.data] : [];
    });
    onInvoices(personId, invoices, status);
    // onInvoices is the parent's setter; only the room's contents matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entries, status, personId]);
}
