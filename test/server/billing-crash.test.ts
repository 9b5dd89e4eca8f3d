import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountsFor } from '../../lib/billing/invoice';
import { applyChanges } from '../../lib/doc/apply';
import { demoOrg } from '../../lib/org/demo';
import { BillingRoomState, readBillingRoom } from '../../lib/room/billing-doc';
import { openDb } from '../../server/db';
import { MAYA, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, startServer, tempDataDir, until, withAdmin, type ServerProcess } from './harness';

/**
 * The billing outbox against `kill -9`: the server is killed after it stored a purchase and before
 * the (slowed-down) processor charged it. After restart the purchase is charged exactly once and
 * invoiced once.
 */
const data = tempDataDir();
let server: ServerProcess;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir, { args: ['--processor-delay-ms', '60000'] });
});

afterAll(async () => {
  await server?.kill('SIGKILL');
  data.remove();
});

function query<T>(sql: string): T[] {
  const db = openDb(data.dir);
  try {
    return db.prepare<[], T>(sql).all();
  } finally {
    db.close();
  }
}
const processorCharges = () => query<{ amount: number }>('SELECT amount FROM simulated_charges');
const billingJobs = () => query<{ settled: number }>("SELECT settled FROM outbox WHERE queue = 'billing'");

describe('billing across a crash', () => {
  it('charges a purchase stored just before kill -9 exactly once after restart, with one invoice', async () => {
    const token = await mint(data.dir, MAYA);
    const writer = await connectSynced(server.wsUrl, room.purchaser(MAYA), token);
    const product = demoOrg().catalog.find((p) => p.id === 'prod-chat')!;
    const today = new Date().toISOString().slice(0, 10);
    // What the device writes is its estimate: the server sets its own price and dates on acceptance.
    const terms = { productName: product.name, unitPrice: product.prices.monthly, currency: product.currency, startedOn: today, renewsOn: today };
    applyChanges(writer.doc, [{
      op: 'put',
      collection: 'subscriptions',
      id: 'sub-crash',
      fields: { productId: product.id, purchaserId: MAYA.personId, licenses: 3, assigned: {}, term: 'monthly', status: 'active', paymentMethodId: 'pm-visa', ...terms },
    }], null);
    await until(() => writer.allStored(), 'the purchase stored');
    // Stored and acknowledged; the processor takes a minute, so the charge is still in flight.
    expect(processorCharges()).toEqual([]);
    expect(billingJobs()).toEqual([{ settled: 0 }]);
    await server.kill('SIGKILL');
    writer.destroy();

    server = await startServer(data.dir, { port: server.port });
    const reader = await connectSynced(server.wsUrl, room.billing(MAYA), await mint(data.dir, MAYA));
    await until(() => reader.doc.getMap('charges').size > 0, 'the charge after restart', 15_000);
    const billing = BillingRoomState.parse(readBillingRoom(reader.doc));
    const expected = amountsFor(product.prices.monthly * 3, demoOrg().organization.taxRateBps).total;
    expect(Object.values(billing.charges)).toEqual([expect.objectContaining({ subscriptionId: 'sub-crash', status: 'charged', amount: expected })]);
    expect(Object.values(billing.invoices).filter((invoice) => invoice.lines.some((line) => line.subscriptionId === 'sub-crash'))).toHaveLength(1);
    expect(processorCharges()).toEqual([{ amount: expected }]);
    await until(() => billingJobs()[0]?.settled === 1, 'the job settled');

    // Another restart finds nothing open: still one charge and one invoice.
    reader.destroy();
    await server.kill('SIGKILL');
    server = await startServer(data.dir, { port: server.port });
    const again = await connectSynced(server.wsUrl, room.billing(MAYA), await mint(data.dir, MAYA));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const after = BillingRoomState.parse(readBillingRoom(again.doc));
    expect(Object.values(after.invoices).filter((invoice) => invoice.lines.some((line) => line.subscriptionId === 'sub-crash'))).toHaveLength(1);
    expect(processorCharges()).toHaveLength(1);
    again.destroy();
  });

  it('refunds a purchase undone while its charge was in flight once, across kill -9 and restarts', async () => {
    await server.kill('SIGKILL');
    server = await startServer(data.dir, { port: server.port, args: ['--processor-delay-ms', '60000'] });
    const writer = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
    const product = demoOrg().catalog.find((p) => p.id === 'prod-chat')!;
    const today = new Date().toISOString().slice(0, 10);
    const terms = { productName: product.name, unitPrice: product.prices.monthly, currency: product.currency, startedOn: today, renewsOn: today };
    applyChanges(writer.doc, [{
      op: 'put',
      collection: 'subscriptions',
      id: 'sub-undone',
      fields: { productId: product.id, purchaserId: MAYA.personId, licenses: 2, assigned: {}, term: 'monthly', status: 'active', paymentMethodId: 'pm-visa', ...terms },
    }], null);
    await until(() => writer.allStored(), 'the purchase stored');
    applyChanges(writer.doc, [{ op: 'remove', collection: 'subscriptions', id: 'sub-undone' }], null);
    await until(() => writer.allStored(), 'the undo stored');
    // Both jobs open: the purchase is at the (slow) processor, the refund waits for it.
    expect(billingJobs().filter((job) => job.settled === 0)).toHaveLength(2);
    await server.kill('SIGKILL');
    writer.destroy();

    const expected = amountsFor(product.prices.monthly * 2, demoOrg().organization.taxRateBps).total;
    const refundsAfterRestart = async () => {
      server = await startServer(data.dir, { port: server.port });
      const reader = await connectSynced(server.wsUrl, room.billing(MAYA), await mint(data.dir, MAYA));
      await until(() => reader.doc.getMap('charges').has('sub-undone~refund'), 'the refund after restart', 15_000);
      await until(() => billingJobs().every((job) => job.settled === 1), 'every job settled');
      const billing = BillingRoomState.parse(readBillingRoom(reader.doc));
      reader.destroy();
      return billing;
    };
    const first = await refundsAfterRestart();
    const charges = Object.values(first.charges).filter((charge) => charge.subscriptionId === 'sub-undone');
    expect(charges.map((charge) => [charge.status, charge.amount]).sort()).toEqual([['charged', expected], ['refunded', -expected]]);
    const credits = Object.values(first.invoices).filter((invoice) => invoice.lines.some((line) => line.subscriptionId === 'sub-undone') && invoice.status === 'credit');
    expect(credits.map((invoice) => invoice.total)).toEqual([-expected]);
    expect(processorCharges()).toHaveLength(2);

    await server.kill('SIGKILL');
    const again = await refundsAfterRestart();
    expect(Object.values(again.invoices).filter((invoice) => invoice.lines.some((line) => line.subscriptionId === 'sub-undone') && invoice.status === 'credit')).toHaveLength(1);
    expect(processorCharges()).toHaveLength(2);
  });
});
