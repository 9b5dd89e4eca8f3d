/**
 * Sync in the real browser: the options page signs in to a real sync server process with a
 * one-time code, with no host permissions (the server answers CORS; WebSocket needs none). The
 * account's data replaces the demo's, a popup edit reaches the server, another device's edit
 * reaches the popup, a restarted service worker reconnects by itself, and the sync line says what is
 * true at each step.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type * as Y from 'yjs';
import { MAYA, ORG, seedTwoOrgs, room } from '../server/fixture';
import { connectSynced, mint, startServer, tempDataDir, withAdmin, type Client, type ServerProcess } from '../server/harness';
import { useExtension } from './harness/extension';
import { buyLicensesInPopup, DEMO, popupCard, popupList, signInFromSettings, toast } from './harness/ui';
import { textMatches, until, visible } from './harness/wait';

const ext = useExtension();
const data = tempDataDir();
let server: ServerProcess;
let otherDevice: Client | undefined;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
});

afterAll(async () => {
  otherDevice?.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

const chatOn = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-chat');

describe('sync with a server', () => {
  test('sign in from Settings, edit in the popup, see another device’s edit, sign out', async () => {
    const code = withAdmin(data.dir, (admin) => admin.createSignInCode(ORG, MAYA.personId));
    const options = await ext.openOptions('Settings');
    await textMatches(options.getByRole('status').filter({ hasText: 'Local only' }).first(), 'Local only');
    await options.getByRole('textbox', { name: 'Sync server URL' }).fill(server.url);
    await options.getByRole('textbox', { name: 'One-time code' }).fill('WRONG-CODE-0000');
    await options.getByRole('button', { name: 'Sign in' }).click();
    await visible(options.getByText('This code is unknown, used or expired'));

    await signInFromSettings(options, server.url, code, 'Maya Okafor');

    // An edit in the popup reaches the server.
    const popup = await ext.openPopup();
    await popupList(popup);
    const chat = popupCard(popup, DEMO.chat);
    await buyLicensesInPopup(popup, DEMO.chat, 105);
    await textMatches(toast(popup), 'Added 5 licenses');
    otherDevice = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
    await until(() => chatOn(otherDevice!.doc)?.get('licenses') === 105, 'the server to have 105 licenses');
    await textMatches(popup.getByRole('status').filter({ hasText: 'synced' }), 'All changes synced');

    // Another device's edit reaches the popup.
    chatOn(otherDevice.doc)!.set('licenses', 110);
    await textMatches(chat, '/110');

    // Chromium stops idle service workers: the next one picks up the stored session and reconnects.
    await popup.close();
    await ext.stopServiceWorker();
    const again = await ext.openPopup();
    await popupList(again);
    await again.getByRole('button', { name: 'Remove licenses' }).first().waitFor();
    await buyLicensesInPopup(again, DEMO.chat, 111);
    await until(() => chatOn(otherDevice!.doc)?.get('licenses') === 111, 'the edit after the restart to reach the server');
    await textMatches(again.getByRole('status').filter({ hasText: 'synced' }), 'All changes synced');

    await options.bringToFront();
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('dialog', { name: 'Sign out' }).getByRole('button', { name: 'Keep a copy on this device' }).click();
    await textMatches(options.getByRole('status').filter({ hasText: 'Signed out' }).first(), 'Signed out — a read-only copy of Maya Okafor’s data');
    expect(await ext.dumpStorage()).not.toContain('refreshToken');
  });
});
