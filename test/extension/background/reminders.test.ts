import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../lib/insights/renewal-reminders';
import { createReminders, reminderPage } from '../../../extension/background/reminders';
import { memoryDb } from '../../fixtures/db';
import { subscription } from '../../fixtures/subscription';

const NOW = '2026-12-02T09:00:00.000Z';

function setup(now = NOW) {
  const { db, factory } = memoryDb();
  const shown: { id: string; reminder: Reminder }[] = [];
  const badges: number[] = [];
  const reminders = createReminders({ db, now: () => now, platform: { notify: async (id, reminder) => void shown.push({ id, reminder }), setBadge: async (count) => void badges.push(count) } });
  return { db, factory, shown, badges, reminders };
}

describe('reminders', () => {
  it('shows what is due once, however many checks run at the same time, and sets the badge', async () => {
    const { db, shown, badges, reminders } = setup();
    await db.subscriptions.bulkPut([subscription({ id: 'chat', productName: 'Chat', renewsOn: '2026-12-05' }), subscription({ id: 'later', renewsOn: '2027-03-01' })]);
    await Promise.all([reminders.check(), reminders.check(), reminders.check()]);
    expect(shown.map((s) => s.reminder.title)).toEqual(['Chat renews in 3 days']);
    expect(shown[0]!.id).toBe(`chat:renewal:2026-12-05:3@${NOW}`);
    expect(badges.at(-1)).toBe(1);
    await reminders.check();
    expect(shown).toHaveLength(1);
  });

  it('remembers what it showed across a restart of the worker', async () => {
    const first = setup();
    await first.db.subscriptions.put(subscription({ id: 'chat', renewsOn: '2026-12-05' }));
    await first.reminders.check();
    first.db.close();
    const { factory } = first;
    const again = memoryDb(factory);
    const shown: string[] = [];
    await createReminders({ db: again.db, now: () => NOW, platform: { notify: async (id) => void shown.push(id), setBadge: async () => {} } }).check();
    expect(shown).toEqual([]);
  });

  it('follows the settings: off shows nothing', async () => {
    const { db, shown, reminders } = setup();
    await db.subscriptions.put(subscription({ id: 'chat', renewsOn: '2026-12-05' }));
    await db.meta.put({ key: 'reminders', value: { enabled: false, daysBefore: [14, 3] } });
    await reminders.check();
    expect(shown).toEqual([]);
  });

  it('counts a failed payment and a correction on the badge', async () => {
    const { db, badges, reminders } = setup();
    await db.subscriptions.put(subscription({ id: 'far', renewsOn: '2027-06-01' }));
    await db.meta.bulkPut([
      { key: 'payments', value: { far: { state: 'declined', message: 'Declined' } } },
      { key: 'notices', value: [{ key: 'n1', message: 'Capped', at: NOW }] },
    ]);
    await reminders.check();
    expect(badges.at(-1)).toBe(2);
  });
});

describe('reminderPage', () => {
  it('opens the subscription in the console', () => {
    expect(reminderPage(`sub-chat:renewal:2026-12-05:3@${NOW}`)).toBe('/options.html#licenses/sub-chat');
  });
});
