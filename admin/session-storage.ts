import { SignInReply } from '../lib/sync/session';

const KEY = 'seatkeeper-admin-session';

/**
 * The admin's tokens live in sessionStorage: they survive a reload of the tab and end with it, and
 * no other tab or later visitor of the browser profile finds them.
 */
export function loadSession(): SignInReply | undefined {
  try {
    const parsed = SignInReply.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function storeSession(session: SignInReply): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
}
