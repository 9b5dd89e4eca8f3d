import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { ActivityQuery, type ActivityLog } from './activity-log';
import { serveAdminFiles } from './admin-files';
import type { TokenService } from './auth';
import type { SignInCodes } from './codes';
import type { Members } from './members';
import { Role } from '../lib/org/role';
import { Id, SelfServicePolicy, type Person } from '../lib/org/schemas';
import { directoryPeople } from '../lib/admin/directory-people';
import type { CardVault } from './payments/card-vault';
import type { PaymentProcessor } from './payments/processor';
import type { SupportInbox } from './support-inbox';

const MAX_BODY_BYTES = 16 * 1024;

/** Why a code was not used here, by the role the app asked for. */
const WRONG_APP: Record<Role, string> = {
  admin: 'This code is for a purchaser, who signs in from the Seatkeeper extension; the admin console needs an IT admin’s code. The code was not used and still works in the extension.',
  purchaser: 'This code is for an IT admin, who signs in to the admin console. The code was not used and still works there.',
};

export interface HttpDeps {
  tokens: TokenService;
  codes: SignInCodes;
  members: Members;
  processor: PaymentProcessor;
  /** Keeps the processor's tokens; purchasers get references bound to them. */
  cards: CardVault;
  activity: ActivityLog;
  /** Sets an admin's self-service policy of a catalog product (`default`: back to the catalog's); false for a product not in the catalog. Resolves once stored. */
  setSelfServicePolicy: (orgId: string, productId: string, policy: SelfServicePolicy | 'default') => Promise<boolean>;
  /** The organization's directory (its org room's people), by id. */
  directoryOf: (orgId: string) => Record<string, Person>;
  /** The person's display name from the organization's directory. */
  nameOf: (orgId: string, personId: string) => string;
  now: () => number;
  /** The built admin console, served under /admin. */
  adminDir: string;
  /** The organizations' support inboxes, where admins mark requests handled. */
  support: SupportInbox;
}

const SignIn = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Who the app signing in serves: a code of someone else is refused without being used, so it still works where it belongs. */
  role: z.optional(Role),
});
const PolicyChange = z.object({ productId: Id, policy: z.union([SelfServicePolicy, z.literal('default')]) });
const Refresh = z.object({ refreshToken: z.string().check(z.minLength(1), z.maxLength(4096)) });
const Handled = z.object({ key: z.string().check(z.minLength(1), z.maxLength(200)) });
const Card = z.object({
  number: z.string().check(z.maxLength(40)),
  expMonth: z.int(),
  expYear: z.int(),
  securityCode: z.string().check(z.maxLength(4)),
});

/**
 * The HTTP side of the port: sign-in with a one-time code, token refresh, card tokenization for
 * purchasers, the activity log, the directory with roles and the self-service policy for admins, health, and the admin console. The API is called from the extension's origin with tokens in bodies and no
 * cookies, so any origin may call it.
 */
export function createHttpHandler(deps: HttpDeps) {
  async function tokensFor(orgId: string, personId: string) {
    // Tokens carry the role: read it as it is now, not as the last poll saw it.
    deps.members.refresh();
    const role = deps.members.roleOf(orgId, personId);
    if (!role) return undefined;
    const tokens = await deps.tokens.issue({ orgId, personId, role });
    return { ...tokens, orgId, personId, role, name: deps.nameOf(orgId, personId) };
  }

  /** Who the `Authorization: Bearer` access token speaks for, with their role as it is now; undefined for no valid token. */
  async function bearerOf(req: IncomingMessage): Promise<{ orgId: string; personId: string; role: Role | undefined } | undefined> {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const verified = token ? await deps.tokens.verifyAccess(token) : undefined;
    if (!verified?.ok) return undefined;
    const { orgId, personId, role } = verified.claims;
    deps.members.refresh();
    const current = deps.members.roleOf(orgId, personId);
    return { orgId, personId, role: current === role ? role : undefined };
  }

  /** A purchaser, by the `Authorization: Bearer` access token, whose role is still current. */
  async function purchaserOf(req: IncomingMessage): Promise<{ orgId: string; personId: string } | undefined> {
    const who = await bearerOf(req);
    return who?.role === 'purchaser' ? who : undefined;
  }

  /** An admin, by the `Authorization: Bearer` access token, whose role is still current. */
  async function adminOf(req: IncomingMessage): Promise<{ orgId: string; personId: string } | undefined> {
    const who = await bearerOf(req);
    return who?.role === 'admin' ? who : undefined;
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type, Authorization', 'Access-Control-Max-Age': '600' });
        return void res.end();
      }
      if (req.method === 'GET' && path === '/health') return json(res, 200, { ok: true });
      if ((req.method === 'GET' || req.method === 'HEAD') && (path === '/admin' || path.startsWith('/admin/'))) {
        return await serveAdminFiles(req, res, deps.adminDir, path);
      }
      if (req.method === 'POST' && path === '/api/sign-in') {
        const body = SignIn.safeParse(await readJson(req));
        if (!body.success) return json(res, 400, { error: 'Send {"code": "..."}' });
        const { code, role } = body.data;
        const owner = role && deps.codes.peek(code, deps.now());
        if (owner && deps.members.roleOf(owner.orgId, owner.personId) !== role) {
          return json(res, 403, { error: WRONG_APP[role] });
        }
        const who = deps.codes.redeem(code, deps.now());
        const signedIn = who && (await tokensFor(who.orgId, who.personId));
        if (!signedIn) return json(res, 401, { error: 'This code is unknown, used or expired. Ask your IT admin for a new one.' });
        return json(res, 200, signedIn);
      }
      if (req.method === 'POST' && path === '/api/refresh') {
        const body = Refresh.safeParse(await readJson(req));
        if (!body.success) return json(res, 400, { error: 'Send {"refreshToken": "..."}' });
        const who = await deps.tokens.redeemRefresh(body.data.refreshToken);
        const refreshed = who && (await tokensFor(who.orgId, who.personId));
        if (!refreshed) return json(res, 401, { error: 'Sign in again.' });
        return json(res, 200, refreshed);
      }
      if (req.method === 'POST' && path === '/api/payment-methods/tokenize') {
        const purchaser = await purchaserOf(req);
        if (!purchaser) return json(res, 401, { error: 'Sign in as a purchaser.' });
        const body = Card.safeParse(await readJson(req));
        if (!body.success) return json(res, 400, { error: 'Send {"number", "expMonth", "expYear", "securityCode"}' });
        const tokenized = await deps.processor.tokenize(body.data, new Date(deps.now()).toISOString());
        if (!tokenized.ok) return json(res, 400, { error: 'Check the card.', errors: tokenized.errors });
        return json(res, 200, { cardRef: deps.cards.issue(purchaser.orgId, purchaser.personId, tokenized.token), brand: tokenized.brand, last4: tokenized.last4 });
      }
      if (req.method === 'GET' && path === '/api/admin/activity') {
        const admin = await adminOf(req);
        if (!admin) return json(res, 401, { error: 'Sign in as an IT admin.' });
        const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
        const query = ActivityQuery.safeParse(Object.fromEntries([...params].filter(([, value]) => value !== '')));
        if (!query.success) return json(res, 400, { error: 'Filter by purchaserId, productId, from and to (YYYY-MM-DD).' });
        return json(res, 200, { entries: deps.activity.query(admin.orgId, query.data) });
      }
      if (req.method === 'GET' && path === '/api/admin/directory') {
        const admin = await adminOf(req);
        if (!admin) return json(res, 401, { error: 'Sign in as an IT admin.' });
        // Roles live in the members table, never in a room: only the server can tell them.
        return json(res, 200, { people: directoryPeople(deps.directoryOf(admin.orgId), deps.members.of(admin.orgId)) });
      }
      if (req.method === 'POST' && path === '/api/admin/self-service') {
        const admin = await adminOf(req);
        if (!admin) return json(res, 401, { error: 'Sign in as an IT admin.' });
        const body = PolicyChange.safeParse(await readJson(req));
        if (!body.success) return json(res, 400, { error: 'Send {"productId", "policy": "allow" | "deny" | "default"}' });
        if (!(await deps.setSelfServicePolicy(admin.orgId, body.data.productId, body.data.policy))) return json(res, 404, { error: 'No such product in your catalog.' });
        return json(res, 200, { ok: true });
      }
      if (req.method === 'POST' && path === '/api/support/handled') {
        const who = await bearerOf(req);
        if (!who) return json(res, 401, { error: 'Sign in again.' });
        if (who.role !== 'admin') return json(res, 403, { error: 'Only an IT admin marks support requests handled.' });
        const body = Handled.safeParse(await readJson(req));
        if (!body.success) return json(res, 400, { error: 'Send {"key": "<personId>/<requestId>"}' });
        // Looked up in the admin's own organization's inbox only: another organization's key is unknown here.
        const marked = await deps.support.markHandled(who.orgId, body.data.key, who.personId);
        if (marked.ok) return json(res, 200, { key: body.data.key, handledAt: marked.handledAt });
        return marked.reason === 'unknown' ? json(res, 404, { error: 'No such support request.' }) : json(res, 503, { error: 'Could not store that. Try again.' });
      }
      return json(res, 404, { error: 'Not found' });
    } catch (error) {
      if (error instanceof BodyError) return json(res, 400, { error: error.message });
      return json(res, 500, { error: 'Internal error' });
    }
  };
}

class BodyError extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new BodyError('Request body too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError('Request body is not JSON');
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
