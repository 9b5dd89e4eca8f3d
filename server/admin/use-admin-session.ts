import { useCallback, useEffect, useState } from 'preact/hooks';
import { refreshTokens, signInWithCode, type Fetch } from '../../lib/sync/auth-client';
import { renewalDelay, type SignInReply } from '../../lib/sync/session';
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
  /** The server refused this access token: renew it now instead of at the usual time. */
  renewNow(rejectedToken: string): void;
}

/** Sign-in with a one-time admin code, and renewal of the tokens shortly before they expire. */
export function useAdminSession(): AdminSession {
  const [session, setSession] = useState(loadSession);
  const [notice, setNotice] = useState<string>();
  const [rejected, setRejected] = useState<string>();

  const keep = useCallback((next: SignInReply) => {
    storeSession(next);
    setSession(next);
    setNotice(undefined);
  }, []);
  const signOut = useCallback((message?: string) => {
    forgetSession();
    setSession(undefined);
    setNotice(message);
  }, []);

  const signIn = useCallback(
    async (code: string) => {
      const result = await signInWithCode(fetchJson, SERVER, code);
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
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const renew = async () => {
      const result = await refreshTokens(fetchJson, SERVER, session.refreshToken);
      if (stopped) return;
      if (result.ok && result.reply.role === 'admin') return keep(result.reply);
      if (result.ok || result.kind !== 'unreachable') return signOut('Your session has ended. Sign in again with a new code from your IT admin.');
      timer = setTimeout(() => void renew(), RETRY_MS);
    };
    const due = rejected === session.accessToken ? 0 : renewalDelay(session, Date.now());
    timer = setTimeout(() => void renew(), due);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [session, rejected, keep, signOut]);

  return { session, notice, signIn, signOut, renewNow: setRejected };
}
