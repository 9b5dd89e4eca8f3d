import { useEffect, useRef, useState } from 'preact/hooks';
import { liveErrors, type FormValues } from '../../../lib/commands/form-errors';
import type { FieldErrors } from '../../../lib/commands/result';
import { DEFAULT_SERVER_URL, adminConsoleUrl } from '../../../lib/sync/server-url';
import type { SyncMeta } from '../../../lib/sync/status';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { SyncStatus } from '../../ui/SyncStatus';
import { ConfirmDialog } from '../../../components/Dialog';
import { useToast } from '../../../components/Toast';
import { SignOutDialog } from './SignOutDialog';
import { sendSafely } from '../../ui/messaging';
import { useMeta } from '../../ui/meta';

const FIELDS = ['serverUrl', 'code'] as const;
const ROLE_LABELS = { purchaser: 'Purchaser', admin: 'Admin' } as const;

/** Settings › Sync: sign in to a sync server with a one-time code, see who is signed in, sign out. */
export function SyncSettings() {
  const meta = useMeta('sync');
  const connected = meta && (meta.state === 'connecting' || meta.state === 'online' || meta.state === 'offline');
  return (
    <section class="card-panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <SyncStatus detail />
      {connected ? (
        <SignedIn meta={meta} />
      ) : meta?.state === 'error' ? (
        <SignOutButton name="this account" waiting={0} />
      ) : (
        <>
          <SignInForm meta={meta} />
          {meta?.state === 'signed-out' ? <SignOutButton name={meta.name} waiting={meta.waiting} /> : null}
          {meta?.state === 'local' && meta.keptFrom ? <RemoveCopy name={meta.keptFrom.name} /> : null}
        </>
      )}
    </section>
  );
}

function SignedIn({ meta }: { meta: Extract<SyncMeta, { state: 'connecting' | 'online' | 'offline' }> }) {
  return (
    <>
      <dl class="sync-account">
        <dt>Signed in as</dt>
        <dd>{meta.name}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[meta.role]}</dd>
        <dt>Server</dt>
        <dd>{meta.serverUrl}</dd>
      </dl>
      {meta.role === 'admin' ? (
        <p>
          <a href={adminConsoleUrl(meta.serverUrl)} target="_blank" rel="noopener noreferrer">
            Open admin console
          </a>
        </p>
      ) : null}
      <SignOutButton name={meta.name} waiting={meta.waiting} />
    </>
  );
}

function SignOutButton({ name, waiting }: { name: string; waiting: number }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  async function signOut(keep: boolean) {
    setAsking(false);
    setBusy(true);
    const result = await sendSafely({ type: 'signOut', keep });
    setBusy(false);
    if (result.ok) toast.show(result.message);
    else toast.show(Object.values(result.errors)[0] ?? 'Could not sign out', { tone: 'error' });
  }
  return (
    <>
      <Button onClick={() => setAsking(true)} aria-disabled={busy ? 'true' : undefined}>
        Sign out
      </Button>
      {asking ? <SignOutDialog name={name} waiting={waiting} onChoose={(keep) => void signOut(keep)} onCancel={() => setAsking(false)} /> : null}
    </>
  );
}

/** A copy kept after signing out goes the way of the demo reset: the device holds no account afterwards. */
function RemoveCopy({ name }: { name: string }) {
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  async function remove() {
    setConfirming(false);
    const result = await sendSafely({ type: 'resetDemo' });
    if (result.ok) toast.show(`${name}’s data was removed from this device.`);
    else toast.show(Object.values(result.errors)[0] ?? 'Could not remove the copy', { tone: 'error' });
  }
  return (
    <>
      <p>A read-only copy of {name}’s data is on this device.</p>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Remove this account’s data
      </Button>
      {confirming ? (
        <ConfirmDialog title="Remove this account’s data" confirmLabel="Remove" danger onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
          <p>{name}’s subscriptions, cards and invoices are deleted from this device, which shows the demo data again.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function SignInForm({ meta }: { meta: SyncMeta | undefined }) {
  const [serverUrl, setServerUrl] = useState(
    meta?.state === 'signed-out' ? meta.serverUrl : meta?.state === 'local' && meta.keptFrom ? meta.keptFrom.serverUrl : DEFAULT_SERVER_URL,
  );
  const [code, setCode] = useState('');
  // The server's refusals, each shown until its field is edited (only the server can check a code).
  const [shown, setShown] = useState<{ errors: FieldErrors; at: FormValues }>({ errors: {}, at: {} });
  const errors = liveErrors(shown.errors, shown.at, { serverUrl, code }, {});
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const toast = useToast();

  // After an error, focus the first invalid field (or the form's error) so it is read out.
  useEffect(() => {
    if (!focusTick) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus();
  }, [focusTick]);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const sent = { serverUrl, code };
    const result = await sendSafely({ type: 'signIn', ...sent });
    setBusy(false);
    if (result.ok) {
      setShown({ errors: {}, at: {} });
      setCode('');
      toast.show(result.message);
      return;
    }
    setShown({ errors: result.errors, at: sent });
    setFocusTick((t) => t + 1);
  }

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
      <p>
        Sign in to your organization’s sync server to keep your subscriptions on every device and share them with your
        IT admins. Signing in replaces the demo data on this device with your account’s.
      </p>
      <FormError errors={errors} fields={FIELDS} />
      <Field
        label="Sync server URL"
        name="serverUrl"
        type="url"
        value={serverUrl}
        onInput={(e) => setServerUrl(e.currentTarget.value)}
        error={errors.serverUrl}
        autoComplete="url"
      />
      <Field
        label="One-time code"
        name="code"
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
        error={errors.code}
        hint="Your IT admin gives you a code like ABCD-EFGH-JKMN. It works once."
        autoComplete="one-time-code"
        spellcheck={false}
      />
      <Button type="submit" variant="primary" aria-disabled={busy ? 'true' : undefined}>
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
