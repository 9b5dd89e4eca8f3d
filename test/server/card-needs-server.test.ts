import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddPaymentMethodInput } from '../../lib/commands/inputs';
import { until } from '../fixtures/until';
import { MAYA, ORG, seedTwoOrgs } from './fixture';
import { startServer, tempDataDir, withAdmin, type ServerProcess } from './harness';
import { startNetworkCut, type NetworkCut } from './network-cut';
import { nodeDevice } from './node-device';

/**
 * A signed-in device adds a card only through the sync server, whose processor tokenizes it: while
 * the server cannot be reached the background refuses the card and stores nothing (a card without a
 * token could never be charged); back online the same card is added with the server's reference.
 */
const data = tempDataDir();
let server: ServerProcess;
let link: NetworkCut;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
  link = await startNetworkCut({ host: '127.0.0.1', port: server.port });
});

afterAll(async () => {
  await link?.close();
  await server?.kill('SIGKILL');
  data.remove();
});

describe('adding a card while signed in', () => {
  it('is refused offline, storing nothing, and works once the server is back', async () => {
    const device = await nodeDevice('maya');
    const code = withAdmin(data.dir, (admin) => admin.createSignInCode(ORG, MAYA.personId));
    expect(await device.service.handle({ type: 'signIn', serverUrl: link.url, code })).toMatchObject({ ok: true });
    await device.synced(30_000);
    await until(async () => (await device.db.paymentMethods.count()) === 1, 'the account’s card');
    const input: AddPaymentMethodInput = {
      profileId: (await device.db.billingProfiles.toArray())[0]!.id,
      number: '5555555555554444',
      securityCode: '517',
      expMonth: 3,
      expYear: new Date().getUTCFullYear() + 2,
      nameOnCard: 'Maya Okafor',
      address: { line1: '1 Main St', line2: '', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
      makeDefault: false,
    };

    link.cut();
    await until(async () => (await device.meta())?.state === 'offline', 'the device offline');
    const updates = await device.db.updates.count();
    expect(await device.service.handle({ type: 'command', name: 'addPaymentMethod', input })).toEqual({
      ok: false,
      errors: { form: expect.stringMatching(/^The sync server cannot be reached, and a card is added through it.*Nothing was saved\./) },
    });
    expect(await device.db.paymentMethods.count()).toBe(1);
    expect(await device.db.updates.count()).toBe(updates);
    expect(device.store.canUndo).toBe(false);

    link.restore();
    await device.synced(30_000);
    expect(await device.service.handle({ type: 'command', name: 'addPaymentMethod', input })).toMatchObject({ ok: true, message: 'Added Mastercard ending 4444' });
    const added = (await device.db.paymentMethods.toArray()).find((card) => card.last4 === '4444');
    expect(added?.cardRef).toMatch(/^card_/);
    device.sync.stop();
  });
});
