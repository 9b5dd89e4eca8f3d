import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { refreshTokens, signInWithCode, type Fetch } from '../lib/sync/auth-client';
import { renewalDelay, type SignInReply } from '../lib/sync/session';
import { forgetSession, loadSession, storeSession } from './session-storage';

/** The console is served by the sync server it talks to. */
const SERVER = location.origin;
const fetchJson: Fetch = (url, init) => fetch(url, init);
/** When the server could not be reached for a renewal, try again this much later. */
const RETRY_MS = 15_000;

export interface AdminSession {
  session: SignInReply | undefined;
  /** Why the admin was signed out, or why a code was not accepted. */
  notice: string | undefined;
  signIn(code: string): Promise<void>;
  signOut(message?: string): void;
  /** The server refused the current access token: renew it now instead of at the usual time. */
  renewNow(): void;
}

/** Sign-in with a one-time admin code, and renewal of the tokens shortly before they expire. */
export function useAdminSession(): AdminSession {
  const [session, setSession] = useState(loadSession);
  const [notice, setNotice] = useState<string>();
  const current = useRef(session);
  current.current = session;
  // One renewal at a time: the refresh token works once, so a second request with it would fail
  // and sign the admin out although the first one succeeded.
  const renewing = useRef<Promise<void> | undefined>(undefined);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const keep = useCallback((next: SignInReply) => {
    storeSession(next);
    current.current = next;
    setSession(next);
    setNotice(undefined);
  }, []);
  const signOut = useCallback((message?: string) => {
    clearTimeout(retry.current);
    forgetSession();
    current.current = undefined;
    setSession(undefined);
    setNotice(message);
  }, []);

  const renew = useCallback((): Promise<void> => {
    renewing.current ??= (async () => {
      const from = current.current;
      if (!from) return;
      const result = await refreshTokens(fetchJson, SERVER, from.refreshToken);
      // Signed out, or in as someone else, meanwhile: the answer belongs to a session that is gone.
      if (current.current?.refreshToken !== from.refreshToken) return;
      if (result.ok && result.reply.role === 'admin') return keep(result.reply);
      if (result.ok || result.kind !== 'unreachable') return signOut('Your session has ended. Sign in again with a new code from your IT admin.');
      retry.current = setTimeout(() => void renew(), RETRY_MS);
    })().finally(() => (renewing.current = undefined));
    return renewing.current;
  }, [keep, signOut]);

  const signIn = useCallback(
    async (code: string) => {
      const result = await signInWithCode(fetchJson, SERVER, code, 'admin');
      if (!result.ok) return setNotice(result.message);
      if (result.reply.role !== 'admin') {
        return setNotice(`${result.reply.name} is a purchaser. The admin console needs an IT admin’s code; purchasers sign in from the Seatkeeper extension.`);
      }
      keep(result.reply);
    },
    [keep],
  );

  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => void renew(), renewalDelay(session, Date.now()));
    return () => clearTimeout(timer);
  }, [session, renew]);
  useEffect(() => () => clearTimeout(retry.current), []);

  return { session, notice, signIn, signOut, renewNow: useCallback(() => void renew(), [renew]) };
}
