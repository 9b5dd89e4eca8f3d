import { useState } from 'preact/hooks';

interface Props {
  notice: string | undefined;
  onSignIn(code: string): Promise<void>;
}

export function SignInPage({ notice, onSignIn }: Props) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || !code.trim()) return;
    setBusy(true);
    await onSignIn(code);
    setBusy(false);
  };
  return (
    <>
      <header class="admin-header">
        <p class="admin-brand">Seatkeeper admin</p>
      </header>
      <main class="admin-main admin-sign-in">
        <h1>Sign in to the admin console</h1>
        <p class="muted">A live, read-only view of every self-service subscription in your organization.</p>
        <form onSubmit={submit} aria-describedby={notice ? 'sign-in-notice' : undefined}>
          {notice && (
            <div class="form-error" id="sign-in-notice" role="alert">
              <p>{notice}</p>
            </div>
          )}
          <div class="field">
            <label class="field-label" for="sign-in-code">
              One-time sign-in code
            </label>
            <p class="field-hint" id="sign-in-code-hint">
              Made for you by the CLI (<code>npm run cli -- create-code</code>) or printed by <code>npm start</code>. It works once.
            </p>
            <input
              id="sign-in-code"
              type="text"
              autocomplete="one-time-code"
              autocapitalize="characters"
              spellcheck={false}
              required
              aria-describedby="sign-in-code-hint"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </>
  );
}
