import type { Role } from '../../../lib/org/role';
import { refreshTokens, type Fetch } from '../../../lib/sync/auth-client';
import type { KeptCopy } from '../../../lib/sync/status';
import { Session, renewalDelay } from '../../../lib/sync/session';

/** Where the session lives between service-worker restarts (`storage.local` in the extension). */
export interface SessionStorage {
  load(): Promise<unknown>;
  save(session: Session): Promise<void>;
  clear(): Promise<void>;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export type Mode =
  /** `kept`: signed out keeping a read-only copy of that account's data. */
  | { kind: 'local'; kept?: KeptCopy }
  | { kind: 'signed-in'; session: Session }
  /** The server stopped the connection for a reason a new token does not fix. */
  | { kind: 'error'; session: Session; message: string }
  | { kind: 'signed-out'; serverUrl: string; name: string; role?: Role; message: string };

export interface SessionEvents {
  /** A signed-in session has a new access token: connect, or reconnect the rooms with it. */
  renewed(session: Session): void;
  /** The session ended (expired, refused): drop the connections. */
  ended(): void;
  /** The mode changed: the sync row should say so. */
  changed(): void;
}

/** How soon to try a refresh again when the server could not be reached. */
const RETRY_MS = 30_000;

/**
 * Session and tokens: whether this device is signed in, its tokens in storage, and renewing the
 * access token before it expires. The refresh token is single use, so one exchange at a time.
 */
export class SessionKeeper {
  mode: Mode = { kind: 'local' };
  private renewTimer: unknown;
  private refreshing: Promise<boolean> | undefined;

  constructor(
    private readonly deps: { fetch: Fetch; sessions: SessionStorage; now: () => number; timers: Timers },
    private readonly events: SessionEvents,
  ) {}

  /** The session whose tokens are in use, also while sync is stopped by an error. */
  get session(): Session | undefined {
    return this.mode.kind === 'signed-in' || this.mode.kind === 'error' ? this.mode.session : undefined;
  }

  /** The stored session, if there is a valid one: signed in with it, its token renewed first if it expired while the worker slept. */
  async load(): Promise<Session | undefined> {
    const stored = Session.safeParse(await this.deps.sessions.load());
    if (!stored.success) return undefined;
    this.mode = { kind: 'signed-in', session: stored.data };
    if (this.renewalDue()) await this.refresh();
    return this.session;
  }

  async start(session: Session): Promise<void> {
    this.mode = { kind: 'signed-in', session };
    await this.deps.sessions.save(session);
  }

  /** Signs out: the tokens are forgotten; `kept` names the account whose copy stays, read-only. */
  async forget(kept?: KeptCopy): Promise<void> {
    this.mode = kept ? { kind: 'local', kept } : { kind: 'local' };
    await this.deps.sessions.clear();
  }

  /** Shows the signed-out state the last run ended in (the stored session is gone). */
  restoreSignedOut(mode: Extract<Mode, { kind: 'signed-out' | 'local' }>): void {
    this.mode = mode;
  }

  /** Sync stopped for a reason a new token does not fix; the session is kept. */
  stopWithError(message: string): void {
    const session = this.session;
    if (session) this.mode = { kind: 'error', session, message };
  }

  renewalDue(): boolean {
    const session = this.session;
    return !!session && renewalDelay(session, this.deps.now()) === 0;
  }

  scheduleRenewal(session: Session): void {
    this.scheduleIn(renewalDelay(session, this.deps.now()));
  }

  cancelRenewal(): void {
    this.deps.timers.clear(this.renewTimer);
  }

  /** Exchanges the refresh token and hands the new access token to `renewed`; false if there is none. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.exchange().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Ends the session: the person must sign in again, and is told why. */
  async needSignIn(message: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.events.ended();
    this.mode = { kind: 'signed-out', serverUrl: session.serverUrl, name: session.name, role: session.role, message };
    await this.deps.sessions.clear();
    this.events.changed();
  }

  private async exchange(): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    const result = await refreshTokens(this.deps.fetch, session.serverUrl, session.refreshToken);
    if (this.session !== session) return false;
    if (!result.ok) {
      if (result.kind === 'refused') await this.needSignIn('Your sign-in has expired. Sign in again to keep syncing.');
      else this.scheduleIn(RETRY_MS);
      return false;
    }
    const next: Session = { ...session, ...result.reply };
    this.mode = this.mode.kind === 'error' ? { ...this.mode, session: next } : { kind: 'signed-in', session: next };
    await this.deps.sessions.save(next);
    if (this.mode.kind === 'signed-in') this.events.renewed(next);
    return true;
  }

  private scheduleIn(ms: number): void {
    this.deps.timers.clear(this.renewTimer);
    this.renewTimer = this.deps.timers.set(() => void this.refresh(), ms);
  }
}
