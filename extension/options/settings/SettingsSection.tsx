import { useState } from 'preact/hooks';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialog';
import { useToast } from '../../../components/Toast';
import { sendSafely } from '../../ui/messaging';
import { ReminderSettings } from './ReminderSettings';
import { SyncSettings } from './SyncSettings';

/** Settings: the sync server, reminders, and resetting the demo data. */
export function SettingsSection() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const toast = useToast();

  async function reset() {
    setConfirming(false);
    setBusy(true);
    const result = await sendSafely({ type: 'resetDemo' });
    setBusy(false);
    if (result.ok) toast.show(result.message || 'Demo data reset', { canUndo: result.canUndo });
    else toast.show(Object.values(result.errors)[0] ?? 'Could not reset the demo data', { tone: 'error' });
  }

  return (
    <>
      <h1>Settings</h1>
      <SyncSettings />
      <ReminderSettings />
      <section class="card-panel" aria-labelledby="demo-heading">
        <h2 id="demo-heading">Demo data</h2>
        <p>
          Replace everything on this device with the Northwind Labs demo organization: its subscriptions, cards, invoices
          and support requests. This can’t be undone.
        </p>
        <Button variant="danger" onClick={() => setConfirming(true)} aria-disabled={busy ? 'true' : undefined}>
          Reset demo data
        </Button>
      </section>
      {confirming ? (
        <ConfirmDialog
          title="Reset demo data"
          confirmLabel="Reset"
          danger
          onConfirm={() => void reset()}
          onCancel={() => setConfirming(false)}
        >
          <p>Everything you changed on this device is replaced by the demo data. This can’t be undone.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
