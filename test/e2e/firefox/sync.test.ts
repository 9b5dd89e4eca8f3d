/**
 * Sync in Firefox: the console signs in to a real sync server process with a one-time code, and a
 * license change made in the popup reaches the server, as another device (a y-websocket client in
 * Node) sees it; the popup then says everything is synced.
 *
 * Firefox-specific: the default CSP of MV3 extension pages has `upgrade-insecure-requests`, which
 * turns the background's ws:// connections into wss:// (plain http fetches to 127.0.0.1 are left
 * alone), so a plain-http server such as the default http://127.0.0.1:8787 needs the manifest to
 * declare its own `content_security_policy.extension_pages`.
 */
import { beforeAll, describe, test } from 'vitest';
import type * as Y from 'yjs';
import { MAYA, ORG, room, seedTwoOrgs } from '../../server/fixture';
import { connectSynced, mint, startServer, tempDataDir, withAdmin, type Client, type ServerProcess } from '../../server/harness';
import { until, useFirefox } from './firefox';
import { buyLicensesInPopup, DEMO, openOptions, openPopup, syncLine, toast } from './ui';

const data = tempDataDir();
let server: ServerProcess | undefined;
let otherDevice: Client | undefined;

// The server stops after Firefox has closed: gone first, the signed-in background's reconnects
// would fail, and those errors would count as the extension's.
const ff = useFirefox({
  async afterClose() {
    otherDevice?.destroy();
    await server?.kill('SIGKILL');
    data.remove();
  },
});

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
});

const chatOn = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-chat');

describe('Firefox: sync with a server', () => {
  test('sign in from Settings, then a popup edit reaches the server', async () => {
    const code = withAdmin(data.dir, (admin) => admin.createSignInCode(ORG, MAYA.personId));
    const { url, wsUrl } = server!;
    await openOptions(ff, 'Settings');
    await ff.waitForText('Local only', { within: syncLine });
    await ff.fill('Sync server URL', url);
    await ff.fill('One-time code', code);
    await ff.click('Sign in');
    await ff.waitForText('Maya Okafor', { within: { selector: 'main' }, timeout: 20_000 });
    await ff.waitForText('All changes synced', { within: syncLine, timeout: 20_000 });

    await openPopup(ff);
    await buyLicensesInPopup(ff, DEMO.chat, 105);
    await ff.waitForText('Added 5 licenses', { within: toast });
    otherDevice = await connectSynced(wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
    await until(() => chatOn(otherDevice!.doc)?.get('licenses') === 105, 'the server to have 105 licenses of Contoso Chat', 20_000);
    await ff.waitForText('All changes synced', { within: syncLine, timeout: 20_000 });
    await ff.closeTab();
  });
});
