import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDERS, attentionCount, dueReminders } from '../../../lib/insights/renewal-reminders';
import { subscription } from '../../fixtures/subscription';

const at = (day: string) => `${day}T09:00:00.000Z`;
const chat = subscription({ id: 'chat', productName: 'Contoso Chat', licenses: 100, unitPrice: 1250, renewsOn: '2026-12-05' });
const board = subscription({ id: 'board', productName: 'Tailspin Whiteboard', status: 'canceled', renewsOn: '2026-12-05', licenses: 15 });

describe('dueReminders', () => {
  it('reminds of a renewal 14 and 3 days ahead, once each', () => {
    expect(dueReminders([chat], at('2026-11-20'), DEFAULT_REMINDERS, new Set()).due).toEqual([]);
    const first = dueReminders([chat], at('2026-11-21'), DEFAULT_REMINDERS, new Set());
    expect(first.due).toEqual([
      { key: 'chat:renewal:2026-12-05:14', subscriptionId: 'chat', kind: 'renewal', on: '2026-12-05', daysLeft: 14, title: 'Contoso Chat renews in 14 days', message: '100 licenses renew on Dec 5, 2026 for $1,250.00 before tax.' },
    ]);
    const shown = new Set(first.shownNow);
    expect(dueReminders([chat], at('2026-11-25'), DEFAULT_REMINDERS, shown).due).toEqual([]);
    const second = dueReminders([chat], at('2026-12-02'), DEFAULT_REMINDERS, shown);
    expect(second.due.map((r) => r.title)).toEqual(['Contoso Chat renews in 3 days']);
    for (const key of second.shownNow) shown.add(key);
    expect(dueReminders([chat], at('2026-12-04'), DEFAULT_REMINDERS, shown).due).toEqual([]);
  });

  it('reminds of the end of a canceled subscription, and of nothing once it has ended', () => {
    expect(dueReminders([board], at('2026-12-04'), DEFAULT_REMINDERS, new Set()).due.map((r) => [r.title, r.message])).toEqual([
      ['Tailspin Whiteboard ends tomorrow', 'It was canceled and ends on Dec 5, 2026. Reactivate it before then to keep it.'],
    ]);
    expect(dueReminders([board], at('2026-12-05'), DEFAULT_REMINDERS, new Set()).due).toEqual([]);
  });

  it('after a long sleep shows only the nearest threshold, and counts the earlier one as shown', () => {
    const { due, shownNow } = dueReminders([chat], at('2026-12-03'), DEFAULT_REMINDERS, new Set());
    expect(due.map((r) => r.key)).toEqual(['chat:renewal:2026-12-05:3']);
    expect(shownNow).toEqual(['chat:renewal:2026-12-05:14', 'chat:renewal:2026-12-05:3']);
  });

  it('a renewed subscription is a new event: its next renewal is reminded of again', () => {
    const shown = new Set(['chat:renewal:2026-12-05:14', 'chat:renewal:2026-12-05:3']);
    expect(dueReminders([{ ...chat, renewsOn: '2027-01-05' }], at('2027-01-02'), DEFAULT_REMINDERS, shown).due.map((r) => r.key)).toEqual(['chat:renewal:2027-01-05:3']);
  });

  it('follows the settings: other days, or off', () => {
    expect(dueReminders([chat], at('2026-11-28'), { enabled: true, daysBefore: [7] }, new Set()).due.map((r) => r.daysLeft)).toEqual([7]);
    expect(dueReminders([chat], at('2026-12-04'), { ...DEFAULT_REMINDERS, enabled: false }, new Set()).due).toEqual([]);
  });
});

describe('attentionCount', () => {
  it('counts renewals and ends within 7 days, failed payments (each subscription once) and corrections', () => {
    const later = subscription({ id: 'later', renewsOn: '2027-02-01' });
    expect(attentionCount([chat, board, later], at('2026-11-27'), new Set(), 0)).toBe(0);
    expect(attentionCount([chat, board, later], at('2026-11-28'), new Set(), 0)).toBe(2);
    expect(attentionCount([chat, board, later], at('2026-11-28'), new Set(['chat', 'later']), 2)).toBe(5);
    expect(attentionCount([subscription({ status: 'expired' })], at('2026-11-28'), new Set(), 0)).toBe(0);
  });
});
