import { describe, expect, it } from 'vitest';
import { buy } from '../../../lib/commands/buy';
import { reactivate } from '../../../lib/commands/reactivate';
import { demoOrg } from '../../../lib/org/demo';
import type { OrgData } from '../../../lib/org/schemas';
import type { Judgement } from '../../../lib/rules/judgement';
import { orgViewOf } from '../../../lib/rules/org-view';
import { judgeSubscription, type TransitionContext } from '../../../lib/rules/subscription-transition';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { applyChanges, context, expectOk, NOW, seededState } from '../commands/fixture';
import { purchase } from './fixture';

const ACCEPTED = { ok: true, corrections: [], notices: [] };

function ctx(now = NOW, org: OrgData = demoOrg()): TransitionContext {
  return { org: orgViewOf(org), purchaserId: 'person-01', now };
}

/** The demo organization with one catalog entry changed, as the server's catalog may differ from a device's. */
function orgWith(productId: string, change: Partial<OrgData['catalog'][number]>): OrgData {
  const org = demoOrg();
  org.catalog = org.catalog.map((product) => (product.id === productId ? { ...product, ...change } : product));
  return org;
}


function seeded(id: string): Subscription {
  const sub = seededState().subscriptions[id];
  if (!sub) throw new Error(`The seed has no ${id}`);
  return sub;
}

function accepted(judgement: Judgement): Extract<Judgement, { ok: true }> {
  if (!judgement.ok) throw new Error(`Expected acceptance, got the refusal "${judgement.refuse}"`);
  return judgement;
}

describe('judgeSubscription: a new subscription', () => {
  it('accepts an honest purchase without corrections', () => {
    expect(judgeSubscription('sub-new', undefined, purchase(), ctx())).toEqual(ACCEPTED);
    expect(judgeSubscription('sub-new', undefined, purchase({ term: 'annual', renewsOn: '2027-03-15', unitPrice: 12_000, licenses: 500 }), ctx())).toEqual(ACCEPTED);
  });

  it('accepts what the buy command writes', () => {
    const state = seededState();
    const result = expectOk(buy(state, { productId: 'prod-design', licenses: 3, term: 'annual', paymentMethodId: 'pm-visa' }, context()));
    const sub = applyChanges(state, result.changes).subscriptions['new-1'];
    expect(judgeSubscription('new-1', undefined, sub, ctx())).toEqual(ACCEPTED);
  });

  it("refuses a purchase in someone else's name", () => {
    expect(judgeSubscription('sub-new', undefined, purchase({ purchaserId: 'person-02' }), ctx())).toEqual({
      ok: false,
      refuse: 'subscriptions.sub-new.purchaserId: a purchaser buys only for themselves',
    });
  });

  it('refuses a purchase that arrives expired', () => {
    expect(judgeSubscription('sub-new', undefined, purchase({ status: 'expired' }), ctx())).toEqual({
      ok: false,
      refuse: 'subscriptions.sub-new.status: only the server lets a subscription expire',
    });
  });

  it('undoes the purchase of a product sold by contract only, charging nothing', () => {
    const sub = purchase({ productId: 'prod-analytics', productName: 'Adatum Analytics', unitPrice: 9_900 });
    expect(judgeSubscription('sub-new', undefined, sub, ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'remove', collection: 'subscriptions', id: 'sub-new' }],
      notices: [{ subscriptionId: 'sub-new', message: 'Adatum Analytics can no longer be bought here; your purchase was not made and nothing was charged.' }],
    });
  });

  it('undoes the purchase of a product an admin turned off since the device read the catalog, giving the admin as the reason', () => {
    expect(judgeSubscription('sub-new', undefined, purchase(), ctx(NOW, orgWith('prod-chat', { selfServicePolicy: 'deny' })))).toEqual({
      ok: true,
      corrections: [{ op: 'remove', collection: 'subscriptions', id: 'sub-new' }],
      notices: [{ subscriptionId: 'sub-new', message: 'Your IT admin has turned off self-service purchases of Contoso Chat, so your purchase was not made and nothing was charged.' }],
    });
  });

  it('undoes the purchase of a product that stopped being self-service since the device read the catalog', () => {
    expect(judgeSubscription('sub-new', undefined, purchase(), ctx(NOW, orgWith('prod-chat', { selfService: false })))).toEqual({
      ok: true,
      corrections: [{ op: 'remove', collection: 'subscriptions', id: 'sub-new' }],
      notices: [{ subscriptionId: 'sub-new', message: 'Contoso Chat can no longer be bought here; your purchase was not made and nothing was charged.' }],
    });
  });

  it('undoes the purchase of a product no longer in the catalog, named as the purchaser saw it', () => {
    const sub = purchase({ productId: 'prod-retired', productName: 'Northwind Retro Tool' });
    expect(judgeSubscription('sub-new', undefined, sub, ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'remove', collection: 'subscriptions', id: 'sub-new' }],
      notices: [{ subscriptionId: 'sub-new', message: 'Northwind Retro Tool can no longer be bought here; your purchase was not made and nothing was charged.' }],
    });
  });

  it("corrects a 1-cent price to the catalog's and says what the purchase costs", () => {
    expect(judgeSubscription('sub-new', undefined, purchase({ unitPrice: 1 }), ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: 'sub-new', fields: { unitPrice: 1250 } }],
      notices: [{ subscriptionId: 'sub-new', message: 'Contoso Chat costs $12.50 per license per month now; that is the price of your purchase.' }],
    });
  });

  it('speaks of a year for an annual purchase', () => {
    const sub = purchase({ term: 'annual', renewsOn: '2027-03-15', unitPrice: 1 });
    expect(accepted(judgeSubscription('sub-new', undefined, sub, ctx())).notices).toEqual([
      { subscriptionId: 'sub-new', message: 'Contoso Chat costs $120.00 per license per year now; that is the price of your purchase.' },
    ]);
  });

  it('charges the price of the catalog at the time the server accepts the purchase', () => {
    expect(judgeSubscription('sub-new', undefined, purchase(), ctx(NOW, orgWith('prod-chat', { prices: { monthly: 1_400, annual: 14_000 } })))).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: 'sub-new', fields: { unitPrice: 1_400 } }],
      notices: [{ subscriptionId: 'sub-new', message: 'Contoso Chat costs $14.00 per license per month now; that is the price of your purchase.' }],
    });
  });

  it("corrects another currency to the catalog's, with the price notice", () => {
    expect(judgeSubscription('sub-new', undefined, purchase({ currency: 'EUR' }), ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: 'sub-new', fields: { currency: 'USD' } }],
      notices: [{ subscriptionId: 'sub-new', message: 'Contoso Chat costs $12.50 per license per month now; that is the price of your purchase.' }],
    });
  });

  it("corrects a wrong product name to the catalog's, without a notice", () => {
    expect(judgeSubscription('sub-new', undefined, purchase({ productName: 'Contoso Chat Free Edition' }), ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: 'sub-new', fields: { productName: 'Contoso Chat' } }],
      notices: [],
    });
  });

  it("corrects dates ten years ahead to a term starting on the server's day, without a notice", () => {
    expect(judgeSubscription('sub-new', undefined, purchase({ startedOn: '2036-03-15', renewsOn: '2036-04-15' }), ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: 'sub-new', fields: { startedOn: '2026-03-15', renewsOn: '2026-04-15' } }],
      notices: [],
    });
  });

  it('starts an offline purchase on the day the server accepts it', () => {
    expect(accepted(judgeSubscription('sub-new', undefined, purchase(), ctx('2026-03-17T08:00:00.000Z'))).corrections).toEqual([
      { op: 'put', collection: 'subscriptions', id: 'sub-new', fields: { startedOn: '2026-03-17', renewsOn: '2026-04-17' } },
    ]);
  });

  it('corrects every differing term in one put', () => {
    const sub = purchase({ productName: 'Chat', unitPrice: 1, currency: 'GBP', startedOn: '2036-03-15', renewsOn: '2046-03-15' });
    const judgement = accepted(judgeSubscription('sub-new', undefined, sub, ctx()));
    expect(judgement.corrections).toEqual([
      {
        op: 'put',
        collection: 'subscriptions',
        id: 'sub-new',
        fields: { productName: 'Contoso Chat', unitPrice: 1250, currency: 'USD', startedOn: '2026-03-15', renewsOn: '2026-04-15' },
      },
    ]);
    expect(judgement.notices).toHaveLength(1);
  });

  it('caps licenses over the maximum at the maximum', () => {
    expect(judgeSubscription('sub-new', undefined, purchase({ licenses: 501 }), ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: 'sub-new', fields: { licenses: 500 } }],
      notices: [{ subscriptionId: 'sub-new', message: 'Contoso Chat can have at most 500 licenses, so it has 500 licenses, not 501. You are billed for 500.' }],
    });
  });

  it('caps at a maximum lowered since the device read the catalog', () => {
    expect(accepted(judgeSubscription('sub-new', undefined, purchase({ licenses: 5 }), ctx(NOW, orgWith('prod-chat', { maxLicenses: 1 })))).notices).toEqual([
      { subscriptionId: 'sub-new', message: 'Contoso Chat can have at most 1 license, so it has 1 license, not 5. You are billed for 1.' },
    ]);
  });

  it('drops an assignee outside the directory', () => {
    const sub = purchase({ assigned: { 'person-02': '2026-03-15T11:00:00.000Z', 'person-77': '2026-03-15T11:00:00.000Z' } });
    expect(judgeSubscription('sub-new', undefined, sub, ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'mapDelete', collection: 'subscriptions', id: 'sub-new', field: 'assigned', keys: ['person-77'] }],
      notices: [{ subscriptionId: 'sub-new', message: 'Someone you picked is not in Northwind Labs (any more), so no Contoso Chat license was assigned to them.' }],
    });
  });

  it('drops assignees who left the directory or belong to another organization', () => {
    const org = demoOrg();
    org.directory = org.directory.filter((person) => person.id !== 'person-03');
    org.directory.push({ id: 'person-ext', orgId: 'org-contoso', displayName: 'Ada Visitor', email: 'ada@contoso.example', department: 'Sales' });
    const at = '2026-03-15T11:00:00.000Z';
    const sub = purchase({ assigned: { 'person-02': at, 'person-03': at, 'person-ext': at } });
    expect(judgeSubscription('sub-new', undefined, sub, ctx(NOW, org))).toEqual({
      ok: true,
      corrections: [{ op: 'mapDelete', collection: 'subscriptions', id: 'sub-new', field: 'assigned', keys: ['person-03', 'person-ext'] }],
      notices: [{ subscriptionId: 'sub-new', message: '2 people you picked are not in Northwind Labs (any more), so no Contoso Chat license was assigned to them.' }],
    });
  });

  it('undoes the most recent assignments beyond the licenses', () => {
    const sub = purchase({
      licenses: 2,
      assigned: { 'person-02': '2026-03-15T10:00:00.000Z', 'person-03': '2026-03-15T10:02:00.000Z', 'person-04': '2026-03-15T10:01:00.000Z' },
    });
    expect(judgeSubscription('sub-new', undefined, sub, ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'mapDelete', collection: 'subscriptions', id: 'sub-new', field: 'assigned', keys: ['person-03'] }],
      notices: [
        { subscriptionId: 'sub-new', message: 'Contoso Chat has 2 licenses for 3 people, so the latest assignments were undone: Priya Raman. Add licenses to assign them again.' },
      ],
    });
  });

  it('names the product as the catalog does in the notices of a purchase made under an old name', () => {
    const sub = purchase({ productName: 'Old Chat Name', assigned: { 'person-77': '2026-03-15T10:00:00.000Z' } });
    expect(accepted(judgeSubscription('sub-new', undefined, sub, ctx())).notices.map((notice) => notice.message)).toEqual([
      'Someone you picked is not in Northwind Labs (any more), so no Contoso Chat license was assigned to them.',
    ]);
  });

  it('drops outsiders first and counts only members against the licenses', () => {
    const at = (minute: number) => `2026-03-15T10:0${minute}:00.000Z`;
    const sub = purchase({ licenses: 2, assigned: { 'person-02': at(1), 'person-03': at(2), 'person-77': at(9) } });
    expect(accepted(judgeSubscription('sub-new', undefined, sub, ctx())).corrections).toEqual([
      { op: 'mapDelete', collection: 'subscriptions', id: 'sub-new', field: 'assigned', keys: ['person-77'] },
    ]);
    const crowded = purchase({ licenses: 1, assigned: { 'person-02': at(1), 'person-03': at(2), 'person-77': at(9) } });
    const judgement = accepted(judgeSubscription('sub-new', undefined, crowded, ctx()));
    expect(judgement.corrections).toEqual([{ op: 'mapDelete', collection: 'subscriptions', id: 'sub-new', field: 'assigned', keys: ['person-77', 'person-03'] }]);
    expect(judgement.notices.map((notice) => notice.message)).toEqual([
      'Someone you picked is not in Northwind Labs (any more), so no Contoso Chat license was assigned to them.',
      'Contoso Chat has 1 license for 2 people, so the latest assignments were undone: Priya Raman. Add licenses to assign them again.',
    ]);
  });
});

describe('judgeSubscription: an existing subscription', () => {
  it('accepts an update that changes what the purchaser decides', () => {
    const before = seeded('sub-chat');
    expect(judgeSubscription('sub-chat', before, before, ctx())).toEqual(ACCEPTED);
    expect(judgeSubscription('sub-chat', before, { ...before, licenses: 150, paymentMethodId: 'pm-other' }, ctx())).toEqual(ACCEPTED);
    expect(judgeSubscription('sub-chat', before, { ...before, licenses: 12 }, ctx())).toEqual(ACCEPTED);
    expect(judgeSubscription('sub-chat', before, { ...before, licenses: 500 }, ctx())).toEqual(ACCEPTED);
  });

  it.each([
    ['productName', 'Contoso Chat Free Edition'],
    ['unitPrice', 1],
    ['currency', 'EUR'],
    ['startedOn', '2036-02-27'],
    ['renewsOn', '2036-03-27'],
  ] as const)('refuses a change of %s, which the server decides', (field, value) => {
    const before = seeded('sub-chat');
    expect(judgeSubscription('sub-chat', before, { ...before, [field]: value }, ctx())).toEqual({
      ok: false,
      refuse: `subscriptions.sub-chat.${field}: set by the server only`,
    });
  });

  it.each([
    ['productId', 'prod-notes'],
    ['term', 'annual'],
  ] as const)('refuses a change of %s, chosen at purchase', (field, value) => {
    const before = seeded('sub-chat');
    expect(judgeSubscription('sub-chat', before, { ...before, [field]: value }, ctx())).toEqual({
      ok: false,
      refuse: `subscriptions.sub-chat.${field}: chosen at purchase and fixed since; buy again instead`,
    });
  });

  it('refuses a change of purchaserId, to someone else or to the purchaser', () => {
    const before = seeded('sub-chat');
    expect(judgeSubscription('sub-chat', before, { ...before, purchaserId: 'person-02' }, ctx())).toEqual({
      ok: false,
      refuse: 'subscriptions.sub-chat.purchaserId: chosen at purchase and fixed since; buy again instead',
    });
    expect(judgeSubscription('sub-chat', { ...before, purchaserId: 'person-02' }, before, ctx())).toEqual({
      ok: false,
      refuse: 'subscriptions.sub-chat.purchaserId: chosen at purchase and fixed since; buy again instead',
    });
  });

  it('refuses to let a subscription expire, which only the server does', () => {
    const before = seeded('sub-whiteboard');
    expect(judgeSubscription('sub-whiteboard', before, { ...before, status: 'expired' }, ctx('2026-04-01T00:00:00.000Z'))).toEqual({
      ok: false,
      refuse: 'subscriptions.sub-whiteboard.status: only the server lets a subscription expire',
    });
  });

  it('refuses to bring an expired subscription back', () => {
    const before = seeded('sub-pdf');
    expect(judgeSubscription('sub-pdf', before, { ...before, status: 'active' }, ctx())).toEqual({
      ok: false,
      refuse: 'subscriptions.sub-pdf.status: an expired subscription is bought again, not reactivated',
    });
    expect(judgeSubscription('sub-pdf', before, { ...before, status: 'canceled' }, ctx())).toEqual({
      ok: false,
      refuse: 'subscriptions.sub-pdf.status: an expired subscription is bought again, not reactivated',
    });
  });

  it('accepts an expired subscription that stays expired', () => {
    const before = seeded('sub-pdf');
    expect(judgeSubscription('sub-pdf', before, { ...before, assigned: { 'person-08': before.assigned['person-08']! } }, ctx())).toEqual(ACCEPTED);
  });

  it('takes back a reactivation that reaches the server after the term ended, keeping the cancellation', () => {
    const state = seededState();
    const before = state.subscriptions['sub-whiteboard']!;
    // Reactivated offline on Mar 15, while the term still ran; synced on Mar 23, the day it ended.
    const after = applyChanges(state, expectOk(reactivate(state, { subscriptionId: 'sub-whiteboard' }, context())).changes).subscriptions['sub-whiteboard'];
    expect(after).toMatchObject({ status: 'active' });
    expect(after).not.toHaveProperty('cancellation');
    expect(judgeSubscription('sub-whiteboard', before, after, ctx('2026-03-23T08:00:00.000Z'))).toEqual({
      ok: true,
      corrections: [
        {
          op: 'put',
          collection: 'subscriptions',
          id: 'sub-whiteboard',
          fields: {
            status: 'canceled',
            cancellation: { reason: 'switched_product', feedback: 'We run workshops in Contoso Chat now.', canceledAt: '2026-03-12T15:20:00.000Z' },
          },
        },
      ],
      notices: [
        { subscriptionId: 'sub-whiteboard', message: 'Tailspin Whiteboard ended on Mar 23, 2026, so it could not be reactivated. Buy it again to keep using it.' },
      ],
    });
  });

  it('takes back the licenses added with a late reactivation, so they are not billed', () => {
    const before = seeded('sub-whiteboard');
    const after = { ...before, status: 'active' as const, licenses: before.licenses + 25 };
    const judged = accepted(judgeSubscription('sub-whiteboard', before, after, ctx('2026-04-02T08:00:00.000Z')));
    expect(judged.corrections).toEqual([
      { op: 'put', collection: 'subscriptions', id: 'sub-whiteboard', fields: { status: 'canceled', cancellation: before.cancellation, licenses: before.licenses } },
    ]);
  });

  it('takes back a late reactivation of a subscription canceled without a recorded cancellation', () => {
    const { cancellation: _cancellation, ...before } = seeded('sub-whiteboard');
    expect(accepted(judgeSubscription('sub-whiteboard', before, { ...before, status: 'active' }, ctx('2026-04-02T08:00:00.000Z'))).corrections).toEqual([
      { op: 'put', collection: 'subscriptions', id: 'sub-whiteboard', fields: { status: 'canceled' } },
    ]);
  });

  it('accepts a reactivation before the term ends', () => {
    const state = seededState();
    const after = applyChanges(state, expectOk(reactivate(state, { subscriptionId: 'sub-whiteboard' }, context())).changes).subscriptions['sub-whiteboard'];
    expect(judgeSubscription('sub-whiteboard', state.subscriptions['sub-whiteboard'], after, ctx('2026-03-22T23:59:59.000Z'))).toEqual(ACCEPTED);
  });

  it('caps a raise past the maximum at the maximum', () => {
    const before = seeded('sub-chat');
    expect(judgeSubscription('sub-chat', before, { ...before, licenses: 600 }, ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 500 } }],
      notices: [{ subscriptionId: 'sub-chat', message: 'Contoso Chat can have at most 500 licenses, so it has 500 licenses, not 600. You are billed for 500.' }],
    });
  });

  it('never caps a raise below the licenses the subscription had before a lowered maximum', () => {
    const before = seeded('sub-chat');
    const org = orgWith('prod-chat', { maxLicenses: 50 });
    expect(judgeSubscription('sub-chat', before, { ...before, licenses: 120 }, ctx(NOW, org))).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 100 } }],
      notices: [{ subscriptionId: 'sub-chat', message: 'Contoso Chat can have at most 50 licenses, so it has 100 licenses, not 120. You are billed for 100.' }],
    });
    expect(judgeSubscription('sub-chat', before, { ...before, licenses: 90 }, ctx(NOW, org))).toEqual(ACCEPTED);
  });

  it('undoes the latest assignments when a merge leaves fewer licenses than people', () => {
    const before = seeded('sub-chat');
    expect(judgeSubscription('sub-chat', before, { ...before, licenses: 10 }, ctx())).toEqual({
      ok: true,
      corrections: [{ op: 'mapDelete', collection: 'subscriptions', id: 'sub-chat', field: 'assigned', keys: ['person-13', 'person-12'] }],
      notices: [
        {
          subscriptionId: 'sub-chat',
          message: 'Contoso Chat has 10 licenses for 12 people, so the latest assignments were undone: Arjun Mehta, Chloé Martin. Add licenses to assign them again.',
        },
      ],
    });
  });

  it('undoes assignments by when they were made, not by who they are', () => {
    const before: Subscription = {
      ...seeded('sub-design'),
      licenses: 3,
      assigned: { 'person-30': '2026-01-01T09:00:00.000Z', 'person-05': '2026-03-01T09:00:00.000Z', 'person-12': '2026-02-01T09:00:00.000Z' },
    };
    const judgement = accepted(judgeSubscription('sub-design', before, { ...before, licenses: 1 }, ctx()));
    expect(judgement.corrections).toEqual([{ op: 'mapDelete', collection: 'subscriptions', id: 'sub-design', field: 'assigned', keys: ['person-05', 'person-12'] }]);
    expect(judgement.notices).toEqual([
      {
        subscriptionId: 'sub-design',
        message:
          'Fabrikam Design Studio has 1 license for 3 people, so the latest assignments were undone: Hannah Kowalski, Chloé Martin. Add licenses to assign them again.',
      },
    ]);
  });

  it('undoes an assignment merged with a removal of licenses on another device', () => {
    const before = { ...seeded('sub-chat'), licenses: 12 };
    const after = { ...before, assigned: { ...before.assigned, 'person-40': '2026-03-15T11:00:00.000Z' } };
    expect(accepted(judgeSubscription('sub-chat', before, after, ctx())).corrections).toEqual([
      { op: 'mapDelete', collection: 'subscriptions', id: 'sub-chat', field: 'assigned', keys: ['person-40'] },
    ]);
  });

  it('drops a new assignee outside the directory but keeps people assigned before they left it', () => {
    const org = demoOrg();
    org.directory = org.directory.filter((person) => person.id !== 'person-02');
    const before = seeded('sub-chat');
    const after = { ...before, assigned: { ...before.assigned, 'person-77': '2026-03-15T11:00:00.000Z' } };
    expect(judgeSubscription('sub-chat', before, after, ctx(NOW, org))).toEqual({
      ok: true,
      corrections: [{ op: 'mapDelete', collection: 'subscriptions', id: 'sub-chat', field: 'assigned', keys: ['person-77'] }],
      notices: [{ subscriptionId: 'sub-chat', message: 'Someone you picked is not in Northwind Labs (any more), so no Contoso Chat license was assigned to them.' }],
    });
    expect(judgeSubscription('sub-chat', before, { ...before, licenses: 50 }, ctx(NOW, org))).toEqual(ACCEPTED);
  });

  it('accepts a deleted subscription within 7 days of its purchase: the purchase is undone', () => {
    expect(judgeSubscription('sub-new', purchase(), undefined, ctx())).toEqual(ACCEPTED);
    expect(judgeSubscription('sub-new', purchase(), undefined, ctx('2026-03-21T23:59:00.000Z'))).toEqual(ACCEPTED);
    expect(judgeSubscription('sub-gone', undefined, undefined, ctx())).toEqual(ACCEPTED);
  });

  it('puts back a subscription deleted 7 days or more after its purchase, with a notice: the money stays', () => {
    const { id, ...fields } = purchase();
    expect(judgeSubscription(id, purchase(), undefined, ctx('2026-03-22T00:00:00.000Z'))).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id, fields }],
      notices: [{ subscriptionId: id, message: 'Contoso Chat was bought on Mar 15, 2026, more than 7 days ago, so the purchase can no longer be undone and nothing was refunded. Cancel it to stop its renewal.' }],
    });
  });
});

describe('judgeSubscription: canceling within the refund window', () => {
  const canceled = (sub: Subscription): Subscription => ({ ...sub, status: 'canceled', cancellation: { reason: 'other', feedback: '', canceledAt: NOW } });

  it('ends the subscription today when canceled within 7 days of its purchase', () => {
    const before = purchase();
    expect(judgeSubscription(before.id, before, canceled(before), ctx('2026-03-18T09:00:00.000Z'))).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: before.id, fields: { renewsOn: '2026-03-18' } }],
      notices: [{ subscriptionId: before.id, message: 'Contoso Chat was canceled within 7 days of its purchase, so it ends today and the unused part is refunded.' }],
    });
  });

  it('only stops the renewal when canceled later', () => {
    const before = purchase();
    expect(judgeSubscription(before.id, before, canceled(before), ctx('2026-03-22T09:00:00.000Z'))).toEqual(ACCEPTED);
  });
});

describe('judgeSubscription: asking to pay again', () => {
  const declined = { subscriptionId: 'sub-new', changeKey: 'sub-new@1.1', status: 'declined', amount: 6766, currency: 'USD', message: 'Your card was declined.', at: '2026-03-15T11:00:00.000Z' } as const;
  const withCharge = (charge: typeof declined | undefined, now = NOW): TransitionContext => ({ ...ctx(now), chargeOf: () => charge });

  it('accepts a retry of a declined charge', () => {
    const before = purchase();
    expect(judgeSubscription(before.id, before, { ...before, paymentRetry: NOW }, withCharge(declined))).toEqual(ACCEPTED);
  });

  it('corrects a retry when the payment has not failed, or one less than a minute after the last, or one asked long ago offline', () => {
    const before = purchase();
    const back = { op: 'unset', collection: 'subscriptions', id: before.id, field: 'paymentRetry' };
    expect(judgeSubscription(before.id, before, { ...before, paymentRetry: NOW }, withCharge({ ...declined, status: 'charged' } as never))).toMatchObject({ ok: true, corrections: [back] });
    expect(judgeSubscription(before.id, before, { ...before, paymentRetry: NOW }, withCharge(undefined))).toMatchObject({ ok: true, corrections: [back] });
    const retried = { ...before, paymentRetry: '2026-03-15T11:59:30.000Z' };
    expect(judgeSubscription(before.id, retried, { ...before, paymentRetry: NOW }, withCharge(declined))).toMatchObject({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: before.id, fields: { paymentRetry: retried.paymentRetry } }],
      notices: [{ message: 'The payment for Contoso Chat was just tried again; ask again in a minute.' }],
    });
    expect(judgeSubscription(before.id, before, { ...before, paymentRetry: '2026-03-15T11:00:00.000Z' }, withCharge(declined))).toMatchObject({ ok: true, corrections: [back] });
  });

  it('refuses a retry ahead of the server clock, and puts back one taken back (an Undo)', () => {
    const before = purchase();
    expect(judgeSubscription(before.id, before, { ...before, paymentRetry: '2026-03-15T12:05:00.000Z' }, withCharge(declined))).toMatchObject({ ok: false });
    expect(judgeSubscription(before.id, { ...before, paymentRetry: NOW }, before, withCharge(declined))).toMatchObject({
      ok: true,
      corrections: [{ op: 'put', collection: 'subscriptions', id: before.id, fields: { paymentRetry: NOW } }],
    });
  });
});
