import { BillingAccount, BillingProfile, Invoice, PaymentMethod } from '../billing/schemas';
import type { Collection } from '../state';
import { Subscription } from '../subscriptions/schema';
import { SupportRequest } from '../support/schema';
import { judgeCardRemoval } from './card-in-use';
import { ACCEPT, combine, refuse, type Judgement } from './judgement';
import { judgeSubscription, type TransitionContext } from './subscription-transition';
import { judgeSupportRequest } from './support-request-transition';

export interface PurchaserUpdateContext extends TransitionContext {
  /** Whether the payment processor's card behind `cardRef` was added by this purchaser. */
  ownsCard(cardRef: string): boolean;
  /** The room's subscriptions after the update (read only when a card is removed: what it still pays). */
  subscriptions(): Iterable<Subscription>;
}

/** The entries of each collection an update touched, as `readTouched` reads them (absent: not there). */
export type TouchedEntries = Record<string, Record<string, unknown>>;

const SCHEMAS = { subscriptions: Subscription, billingAccounts: BillingAccount, billingProfiles: BillingProfile, paymentMethods: PaymentMethod, invoices: Invoice, supportRequests: SupportRequest };
/** A zod object schema's fields, through `optional` wrappers; undefined for anything that is not an object schema. */
function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as { def?: { innerType?: unknown; shape?: Record<string, unknown> } } | undefined;
  while (current?.def?.innerType) current = current.def.innerType as typeof current;
  return current?.def?.shape;
}

/** The path of the first field of `value`, at any depth of the schema's objects, that the schema does not know. */
function unknownField(schema: unknown, value: unknown, path: string): string | undefined {
  const shape = shapeOf(schema);
  if (!shape || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  for (const [field, inner] of Object.entries(value)) {
    if (!(field in shape)) return `${path}.${field}`;
    const deeper = unknownField(shape[field], inner, `${path}.${field}`);
    if (deeper) return deeper;
  }
  return undefined;
}

/**
 * The server's verdict on a purchaser's update that passed the shape checks: every entity it
 * touched, judged as a transition from `before` to `after` (see `judgeSubscription`). Invoices are
 * the server's alone, so are fields no schema knows (nothing may ride along unchecked into the
 * admins' mirror), a card reference issued to someone else; support requests by
 * `judgeSupportRequest` (a new one is received by the server's correction). A removed card that
 * still pays a running subscription is put back (`judgeCardRemoval`).
 */
export function judgePurchaserUpdate(touched: ReadonlyMap<string, ReadonlySet<string>>, before: TouchedEntries, after: TouchedEntries, ctx: PurchaserUpdateContext): Judgement {
  const judgements: Judgement[] = [];
  for (const [collection, ids] of touched) {
    for (const id of ids) judgements.push(judgeEntity(collection as Collection, id, before[collection]?.[id], after[collection]?.[id], ctx));
  }
  return combine(judgements);
}

function judgeEntity(collection: Collection, id: string, before: unknown, after: unknown, ctx: PurchaserUpdateContext): Judgement {
  if (collection === 'invoices') return refuse(`invoices.${id}: invoices are issued by the server only`);
  if (after === undefined) {
    if (collection === 'paymentMethods') return judgeCardRemoval(parsed(PaymentMethod, before), ctx.subscriptions(), ctx.now);
    return collection === 'subscriptions' ? judgeSubscription(id, parsed(Subscription, before), undefined, ctx) : ACCEPT;
  }
  const unknown = unknownField(SCHEMAS[collection], after, `${collection}.${id}`);
  if (unknown) return refuse(`${unknown}: not a field of ${collection}`);
  switch (collection) {
    case 'subscriptions':
      return judgeSubscription(id, parsed(Subscription, before), Subscription.parse(after), ctx);
    case 'paymentMethods': {
      const card = PaymentMethod.parse(after);
      const had = parsed(PaymentMethod, before);
      if (card.cardRef && card.cardRef !== had?.cardRef && !ctx.ownsCard(card.cardRef)) return refuse(`paymentMethods.${id}.cardRef: not a card you added`);
      return ACCEPT;
    }
    case 'supportRequests':
      return judgeSupportRequest(id, parsed(SupportRequest, before), SupportRequest.parse(after), ctx.now);
    default:
      return ACCEPT;
  }
}

function parsed<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}
