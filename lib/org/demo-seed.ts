import { buildInvoice, invoiceCard, type InvoiceDraft } from '../billing/invoice';
import { licenseChangeLine, termLine } from '../billing/invoice-lines';
import { previewLicenseChange } from '../billing/price-preview';
import type { BillingAccount, BillingProfile, Invoice, PaymentMethod } from '../billing/schemas';
import { addDays, addMonths, toIsoDate, type IsoDate, type IsoDateTime } from '../dates';
import type { Change } from '../doc/change';
import type { Collection } from '../state';
import { TERM_MONTHS } from '../subscriptions/period';
import type { Subscription } from '../subscriptions/schema';
import type { OrgData, Term } from './schemas';

const ACCOUNT_ID = 'ba-northwind';
const PROFILE_ID = 'bp-main';
const CARD_ID = 'pm-visa';

/**
 * The purchaser's history in the demo organization, dated relative to `now` so the demo always looks
 * current: a billing account, profile and Visa ending 4242; five subscriptions (one of 100 licenses
 * with 12 assigned, one canceled but still in its term, one expired); and about eight months of
 * invoices, so "Past 3 months", "Past 6 months" and a custom range each show a different set.
 */
export function demoSeedChanges(org: OrgData, now: IsoDateTime): Change[] {
  const { changes, invoices } = demoSeed(org, now);
  return [...changes, ...invoices.map((invoice) => put('invoices', invoice))];
}

/**
 * The demo's history in two parts: what the purchaser's document holds (billing setup and
 * subscriptions) and its invoices, oldest first, numbered `SK-…` as a device numbers them. The sync
 * server's demo organization issues these invoices itself, renumbered in its own series.
 */
export function demoSeed(org: OrgData, now: IsoDateTime): { changes: Change[]; invoices: Invoice[] } {
  const today = toIsoDate(now);
  const setup = billingSetup(org, now);
  const card = setup.find(([collection]) => collection === 'paymentMethods')![1] as PaymentMethod;
  const subs = demoSubscriptions(org, today);
  const drafts = subs.flatMap((s) => termInvoices(s.sub, s.history, today, org.organization.taxRateBps));
  drafts.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.id.localeCompare(b.id));
  return {
    changes: [...setup.map(([collection, entity]) => put(collection, entity)), ...subs.map((s) => put('subscriptions', s.sub))],
    invoices: drafts.map((draft, i) => buildInvoice({ ...draft, paidWith: invoiceCard(card) }, i)),
  };
}

function put(collection: Collection, entity: { id: string }): Change {
  return { op: 'put', collection, id: entity.id, fields: { ...entity } };
}

function billingSetup(org: OrgData, now: IsoDateTime): [Collection, { id: string }][] {
  const account: BillingAccount = { id: ACCOUNT_ID, name: org.organization.name, type: 'Company' };
  const profile: BillingProfile = {
    id: PROFILE_ID,
    accountId: ACCOUNT_ID,
    name: `${org.organization.name} main`,
    invoiceEmail: `billing@${org.organization.domain}`,
    paymentMethodId: CARD_ID,
  };
  const card: PaymentMethod = {
    id: CARD_ID,
    profileId: PROFILE_ID,
    brand: 'visa',
    last4: '4242',
    expMonth: 8,
    expYear: Number(now.slice(0, 4)) + 3,
    nameOnCard: org.purchaser.displayName,
    address: { line1: '100 Harbor Way', line2: 'Suite 400', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
    updatedAt: now,
  };
  return [
    ['billingAccounts', account],
    ['billingProfiles', profile],
    ['paymentMethods', card],
  ];
}

interface LicenseChange {
  on: IsoDate;
  from: number;
  to: number;
}

interface SeedSubscription {
  sub: Subscription;
  /** Mid-term license changes, each billed as a proration. */
  history: LicenseChange[];
}

interface SubscriptionSpec {
  id: string;
  productId: string;
  term: Term;
  startedOn: IsoDate;
  licenses: number;
  /** 1-based positions in the directory. */
  assignees: number[];
}

function demoSubscriptions(org: OrgData, today: IsoDate): SeedSubscription[] {
  const build = (spec: SubscriptionSpec) => seedSubscription(org, spec, today);
  const chat = build({
    id: 'sub-chat',
    productId: 'prod-chat',
    term: 'monthly',
    startedOn: addDays(addMonths(today, -8), 12),
    licenses: 100,
    assignees: range(2, 13),
  });
  const notesStart = addDays(addMonths(today, -7), 3);
  const notes = build({ id: 'sub-notes', productId: 'prod-notes', term: 'annual', startedOn: notesStart, licenses: 25, assignees: range(14, 21) });
  notes.history.push({ on: addMonths(notesStart, 2), from: 30, to: 25 });
  const design = build({
    id: 'sub-design',
    productId: 'prod-design',
    term: 'annual',
    startedOn: addDays(addMonths(today, -2), -5),
    licenses: 10,
    assignees: [5, 12, 22, 30],
  });
  const whiteboard = build({
    id: 'sub-whiteboard',
    productId: 'prod-whiteboard',
    term: 'monthly',
    startedOn: addDays(addMonths(today, -5), 8),
    licenses: 15,
    assignees: [4, 7, 16, 26, 37, 44],
  });
  whiteboard.sub.status = 'canceled';
  whiteboard.sub.cancellation = {
    reason: 'switched_product',
    feedback: 'We run workshops in Contoso Chat now.',
    canceledAt: `${addDays(today, -3)}T15:20:00.000Z`,
  };
  const pdfStart = addDays(addMonths(today, -8), -4);
  const pdf = build({ id: 'sub-pdf', productId: 'prod-pdf', term: 'monthly', startedOn: pdfStart, licenses: 5, assignees: [8, 14] });
  pdf.sub.renewsOn = addMonths(pdfStart, 4);
  pdf.sub.status = 'expired';
  pdf.sub.cancellation = { reason: 'too_expensive', feedback: '', canceledAt: `${addDays(pdf.sub.renewsOn, -6)}T11:05:00.000Z` };
  return [chat, notes, design, whiteboard, pdf];
}

function seedSubscription(org: OrgData, spec: SubscriptionSpec, today: IsoDate): SeedSubscription {
  const product = org.catalog.find((p) => p.id === spec.productId);
  if (!product) throw new Error(`The demo seed needs product ${spec.productId} in the catalog`);
  const assigned: Record<string, IsoDateTime> = {};
  spec.assignees.forEach((position, i) => {
    const person = org.directory[position - 1];
    if (person) assigned[person.id] = `${addDays(spec.startedOn, i)}T09:30:00.000Z`;
  });
  const starts = termStarts(spec.startedOn, spec.term, today);
  return {
    sub: {
      id: spec.id,
      productId: product.id,
      productName: product.name,
      purchaserId: org.purchaser.id,
      licenses: spec.licenses,
      assigned,
      term: spec.term,
      status: 'active',
      startedOn: spec.startedOn,
      renewsOn: addMonths(spec.startedOn, starts.length * TERM_MONTHS[spec.term]),
      unitPrice: product.prices[spec.term],
      currency: product.currency,
      paymentMethodId: CARD_ID,
    },
    history: [],
  };
}

/** The first day of every term that began on or before `until`. */
function termStarts(startedOn: IsoDate, term: Term, until: IsoDate): IsoDate[] {
  const starts: IsoDate[] = [];
  for (let day = startedOn; day <= until; day = addMonths(startedOn, starts.length * TERM_MONTHS[term])) starts.push(day);
  return starts;
}

/** A renewal invoice for every term begun before today and before the subscription ended, plus its prorations. */
function termInvoices(sub: Subscription, history: LicenseChange[], today: IsoDate, taxRateBps: number): InvoiceDraft[] {
  const lastDay = sub.renewsOn <= today ? addDays(sub.renewsOn, -1) : today;
  const licensesOn = (day: IsoDate) => history.find((c) => day < c.on)?.from ?? sub.licenses;
  const renewals = termStarts(sub.startedOn, sub.term, lastDay).map((start, i): InvoiceDraft => ({
    id: `inv-${sub.id.replace(/^sub-/, '')}-${i + 1}`,
    issuedOn: start,
    periodStart: start,
    periodEnd: addMonths(sub.startedOn, (i + 1) * TERM_MONTHS[sub.term]),
    billingProfileId: PROFILE_ID,
    lines: [termLine(sub, licensesOn(start))],
    currency: sub.currency,
    taxRateBps,
  }));
  const prorations = history.map((change, i): InvoiceDraft => {
    const termsBegun = termStarts(sub.startedOn, sub.term, change.on).length;
    const renewsOn = addMonths(sub.startedOn, termsBegun * TERM_MONTHS[sub.term]);
    const preview = previewLicenseChange({ ...sub, licenses: change.from, renewsOn }, change.to, taxRateBps, `${change.on}T10:00:00.000Z`);
    return {
      id: `inv-${sub.id.replace(/^sub-/, '')}-change-${i + 1}`,
      issuedOn: change.on,
      periodStart: change.on,
      periodEnd: renewsOn,
      billingProfileId: PROFILE_ID,
      lines: [licenseChangeLine(sub, preview)],
      currency: sub.currency,
      taxRateBps,
    };
  });
  return [...renewals, ...prorations];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
