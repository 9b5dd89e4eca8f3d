import { describe, expect, it } from 'vitest';
import { createPurchaserService } from '../../../extension/background/purchaser-service';
import { demoOrgSource } from '../../../lib/org/source';
import { memoryDb } from '../../fixtures/db';

const NOW = '2026-11-26T12:00:00.000Z';

function service() {
  const { db } = memoryDb();
  let n = 0;
  const svc = createPurchaserService({ db, orgSource: demoOrgSource, now: () => NOW, newId: () => `id-${++n}` });
  return { db, svc };
}

describe('purchaser service', () => {
  it('seeds the demo organization on first start', async () => {
    const { db, svc } = service();
    expect(await svc.handle({ type: 'ready' })).toEqual({ ok: true, message: '', canUndo: false });
    expect(await db.subscriptions.count()).toBeGreaterThan(0);
    expect(await db.people.count()).toBeGreaterThanOrEqual(40);
    expect((await db.meta.get('sync'))?.value).toEqual({ state: 'local' });
  });

  it('runs a command, projects it and offers undo', async () => {
    const { db, svc } = service();
    await svc.handle({ type: 'ready' });
    const sub = (await db.subscriptions.toArray()).find((s) => s.licenses === 100)!;
    const reply = await svc.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: 105 } });
    expect(reply).toMatchObject({ ok: true, canUndo: true });
    expect((await db.subscriptions.get(sub.id))?.licenses).toBe(105);
    expect(await svc.handle({ type: 'undo' })).toMatchObject({ ok: true });
    expect((await db.subscriptions.get(sub.id))?.licenses).toBe(100);
  });

  it('returns field errors and stores nothing for bad input', async () => {
    const { db, svc } = service();
    await svc.handle({ type: 'ready' });
    const sub = (await db.subscriptions.toArray()).find((s) => s.licenses === 100)!;
    const before = await db.updates.toArray();
    const reply = await svc.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: 'many' } });
    expect(reply.ok).toBe(false);
    expect(reply.ok === false && reply.errors.total).toBeTruthy();
    expect(await db.updates.toArray()).toEqual(before);
  });

  it('refuses a malformed message with a readable error', async () => {
    const { svc } = service();
    expect(await svc.handle({ type: 'drop tables' })).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
    expect(await svc.handle({ type: 'command', name: 'nope', input: {} })).toMatchObject({ ok: false });
  });

  it('resets to the demo data', async () => {
    const { db, svc } = service();
    await svc.handle({ type: 'ready' });
    const sub = (await db.subscriptions.toArray()).find((s) => s.licenses === 100)!;
    await svc.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: 90 } });
    expect(await svc.handle({ type: 'resetDemo' })).toMatchObject({ ok: true, canUndo: false });
    expect((await db.subscriptions.get(sub.id))?.licenses).toBe(100);
  });

  it('stores no card for a document of an account while signed out: its server could never charge it', async () => {
    const { db, svc } = service();
    await svc.handle({ type: 'ready' });
    await db.meta.put({ key: 'account', value: { serverUrl: 'http://127.0.0.1:8787', orgId: 'org-northwind', personId: 'person-01' } });
    const updates = await db.updates.count();
    const input = {
      profileId: 'bp-main',
      number: '5555 5555 5555 4444',
      securityCode: '517',
      expMonth: 3,
      expYear: 2029,
      nameOnCard: 'Maya Okafor',
      address: { line1: '1 Main St', line2: '', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
      makeDefault: false,
    };
    expect(await svc.handle({ type: 'command', name: 'addPaymentMethod', input })).toEqual({
      ok: false,
      errors: { form: 'Sign in to the sync server to add a card: its payment processor must check the card before it can pay. Nothing was saved.' },
    });
    expect(await db.updates.count()).toBe(updates);
    expect(await db.paymentMethods.count()).toBe(1);
    // In the demo the same card is added, without a server.
    await db.meta.delete('account');
    expect(await svc.handle({ type: 'command', name: 'addPaymentMethod', input })).toMatchObject({ ok: true, message: 'Added Mastercard ending 4444' });
  });
});
