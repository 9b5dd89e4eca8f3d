import type { Charge } from '../billing/schemas';
import { formatDay, toIsoDate, type IsoDateTime } from '../dates';
import type { Change } from '../doc/change';
import { formatMoney } from '../money';
import type { Product } from '../org/schemas';
import type { Subscription } from '../subscriptions/schema';
import { effectiveStatus } from '../subscriptions/status';
import { plural } from '../text/plural';
import { ACCEPT, combine, refuse, type Judgement, type Notice } from './judgement';
import type { OrgView } from './org-view';
import { judgePaymentRetry } from './payment-retry';
import { purchaseRefusal, purchaseTerms } from './purchase-rules';
import { REFUND_WINDOW_DAYS, withinRefundWindow } from './refund-window';
import { FIXED_SUBSCRIPTION_FIELDS, SERVER_SUBSCRIPTION_FIELDS } from './server-fields';

export interface TransitionContext {
  org: OrgView;
  /** The purchaser whose room this is. */
  purchaserId: string;
  /** The server's clock when it accepts the update. */
  now: IsoDateTime;
  /** The server's charge for the subscription's last purchase or license change (`currentCharge`); none while unbilled. */
  chargeOf?(subscriptionId: string): Charge | undefined;
}

/**
 * One subscription before and after a purchaser's update, as the server judges it (undefined: not
 * there). Lies are refused: a value only the server sets, another product or term for a running
 * subscription, someone else's subscription, a status only the server gives. What an honest device
 * can reach by merging offline edits or by acting on an older catalog or directory is corrected:
 * a purchase of a product that cannot be bought (any more) is undone, the price and dates become
 * the server's, licenses are capped at the product's maximum, outsiders and assignments beyond the
 * licenses are dropped, a reactivation after expiry is taken back, a purchase undone after the
 * refund window is put back. A cancellation within the window ends the subscription today (the
 * billing extension refunds the unused part).
 */
export function judgeSubscription(id: string, before: Subscription | undefined, after: Subscription | undefined, ctx: TransitionContext): Judgement {
  if (!after) return before ? judgeRemoval(before, ctx) : ACCEPT;
  if (!before && after.purchaserId !== ctx.purchaserId) return refuse(`subscriptions.${id}.purchaserId: a purchaser buys only for themselves`);
  if (after.status === 'expired' && before?.status !== 'expired') return refuse(`subscriptions.${id}.status: only the server lets a subscription expire`);
  return before ? judgeChange(before, after, ctx) : judgePurchase(after, ctx);
}

/**
 * A subscription removed: an undone purchase. Within the refund window it goes (the billing
 * extension refunds or voids its charges); after it, it is put back as it was, since the money
 * stays: an honest device undoing late is corrected, and told to cancel instead.
 */
function judgeRemoval(before: Subscription, ctx: TransitionContext): Judgement {
  if (withinRefundWindow(before.startedOn, ctx.now)) return ACCEPT;
  const { id, ...fields } = before;
  return {
    ok: true,
    corrections: [{ op: 'put', collection: 'subscriptions', id, fields }],
    notices: [{ subscriptionId: id, message: `${before.productName} was bought on ${formatDay(before.startedOn)}, more than ${REFUND_WINDOW_DAYS} days ago, so the purchase can no longer be undone and nothing was refunded. Cancel it to stop its renewal.` }],
  };
}

function judgePurchase(sub: Subscription, ctx: TransitionContext): Judgement {
  const product = ctx.org.product(sub.productId);
  if (!product || purchaseRefusal(ctx.org, sub.productId)) {
    const name = product?.name ?? sub.productName;
    const why = product?.selfServicePolicy === 'deny' ? `Your IT admin has turned off self-service purchases of ${name}, so` : `${name} can no longer be bought here;`;
    return {
      ok: true,
      corrections: [{ op: 'remove', collection: 'subscriptions', id: sub.id }],
      notices: [{ subscriptionId: sub.id, message: `${why} your purchase was not made and nothing was charged.` }],
    };
  }
  const corrections: Change[] = [];
  const notices: Notice[] = [];
  const terms = purchaseTerms(product, sub.term, ctx.now);
  const differing = Object.fromEntries(Object.entries(terms).filter(([field, value]) => sub[field as keyof typeof terms] !== value));
  if (Object.keys(differing).length) corrections.push({ op: 'put', collection: 'subscriptions', id: sub.id, fields: differing });
  if ('unitPrice' in differing || 'currency' in differing) {
    notices.push({
      subscriptionId: sub.id,
      message: `${product.name} costs ${formatMoney(terms.unitPrice, terms.currency)} per license per ${sub.term === 'annual' ? 'year' : 'month'} now; that is the price of your purchase.`,
    });
  }
  const licenses = capLicenses(sub, product, 0, corrections, notices);
  dropAssignees({ ...sub, productName: product.name }, {}, licenses, ctx.org, corrections, notices);
  return { ok: true, corrections, notices };
}

function judgeChange(before: Subscription, after: Subscription, ctx: TransitionContext): Judgement {
  for (const field of SERVER_SUBSCRIPTION_FIELDS) {
    if (before[field] !== after[field]) return refuse(`subscriptions.${after.id}.${field}: set by the server only`);
  }
  for (const field of FIXED_SUBSCRIPTION_FIELDS) {
    if (before[field] !== after[field]) return refuse(`subscriptions.${after.id}.${field}: chosen at purchase and fixed since; buy again instead`);
  }
  if (before.status === 'expired' && after.status !== 'expired') return refuse(`subscriptions.${after.id}.status: an expired subscription is bought again, not reactivated`);
  const corrections: Change[] = [];
  const notices: Notice[] = [];
  const product = ctx.org.product(after.productId);
  let licenses = after.licenses;
  if (before.status === 'canceled' && after.status === 'active' && effectiveStatus(before, ctx.now) === 'expired') {
    // Taken back whole: licenses added to a subscription that had already ended are not bought either.
    const restored = { status: 'canceled', ...(before.cancellation ? { cancellation: before.cancellation } : {}), ...(after.licenses > before.licenses ? { licenses: before.licenses } : {}) };
    corrections.push({ op: 'put', collection: 'subscriptions', id: after.id, fields: restored });
    notices.push({ subscriptionId: after.id, message: `${after.productName} ended on ${formatDay(after.renewsOn)}, so it could not be reactivated. Buy it again to keep using it.` });
    licenses = Math.min(after.licenses, before.licenses);
  } else if (product && after.licenses > before.licenses) licenses = capLicenses(after, product, before.licenses, corrections, notices);
  if (before.status === 'active' && after.status === 'canceled' && withinRefundWindow(before.startedOn, ctx.now)) {
    corrections.push({ op: 'put', collection: 'subscriptions', id: after.id, fields: { renewsOn: toIsoDate(ctx.now) } });
    notices.push({ subscriptionId: after.id, message: `${after.productName} was canceled within ${REFUND_WINDOW_DAYS} days of its purchase, so it ends today and the unused part is refunded.` });
  }
  dropAssignees(after, before.assigned, licenses, ctx.org, corrections, notices);
  return combine([{ ok: true, corrections, notices }, judgePaymentRetry(before, after, ctx.chargeOf?.(after.id), ctx.now)]);
}

/** Caps a raise at the product's maximum (never below what the subscription had before); returns the licenses kept. */
function capLicenses(sub: Subscription, product: Product, had: number, corrections: Change[], notices: Notice[]): number {
  if (sub.licenses <= product.maxLicenses) return sub.licenses;
  const kept = Math.max(product.maxLicenses, had);
  corrections.push({ op: 'put', collection: 'subscriptions', id: sub.id, fields: { licenses: kept } });
  notices.push({ subscriptionId: sub.id, message: `${product.name} can have at most ${plural(product.maxLicenses, 'license')}, so it has ${plural(kept, 'license')}, not ${sub.licenses}. You are billed for ${kept}.` });
  return kept;
}

/**
 * Drops what the update assigned to people outside the organization, then, if more people hold
 * licenses than there are, the most recent assignments beyond the count: a merge of one device
 * assigning while another removed licenses.
 */
function dropAssignees(sub: Subscription, hadAssigned: Record<string, string>, licenses: number, org: OrgView, corrections: Change[], notices: Notice[]): void {
  const added = Object.keys(sub.assigned).filter((personId) => !(personId in hadAssigned));
  const strangers = added.filter((personId) => !org.member(personId));
  const staying = Object.entries(sub.assigned).filter(([personId]) => !strangers.includes(personId));
  const over = staying
    .sort(([a, at], [b, bt]) => (at === bt ? (a < b ? 1 : -1) : at < bt ? 1 : -1))
    .slice(0, Math.max(0, staying.length - licenses))
    .map(([personId]) => personId);
  if (!strangers.length && !over.length) return;
  corrections.push({ op: 'mapDelete', collection: 'subscriptions', id: sub.id, field: 'assigned', keys: [...strangers, ...over] });
  if (strangers.length) {
    const who = strangers.length === 1 ? 'Someone you picked is' : `${strangers.length} people you picked are`;
    notices.push({ subscriptionId: sub.id, message: `${who} not in ${org.orgName} (any more), so no ${sub.productName} license was assigned to them.` });
  }
  if (over.length) {
    const names = over.map((personId) => org.member(personId)?.displayName ?? personId).join(', ');
    notices.push({ subscriptionId: sub.id, message: `${sub.productName} has ${plural(licenses, 'license')} for ${plural(staying.length, 'person', 'people')}, so the latest assignments were undone: ${names}. Add licenses to assign them again.` });
  }
}
