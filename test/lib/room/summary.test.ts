import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges } from '../../../lib/doc/apply';
import { readState } from '../../../lib/doc/read';
import { createPurchaserDoc } from '../../../lib/doc/purchaser-doc';
import { demoOrg } from '../../../lib/org/demo';
import { demoSeedChanges } from '../../../lib/org/demo-seed';
import { createSummaryDoc, readSubscriptions, readSummary, sameEntry, summarize, writeSummary, type SummaryEntry } from '../../../lib/room/summary';

const NOW = '2026-11-20T10:00:00.000Z';

function demoSummary() {
  const org = demoOrg();
  const doc = createPurchaserDoc();
  applyChanges(doc, demoSeedChanges(org, NOW), null);
  const directory = Object.fromEntries(org.directory.map((p) => [p.id, p]));
  return { org, doc, directory, entries: summarize(directory, [{ personId: org.purchaser.id, subscriptions: Object.values(readState(doc).subscriptions) }]) };
}

describe('summary', () => {
  it('has one entry per subscription with names, counts and the term price', () => {
    const { entries } = demoSummary();
    expect(Object.keys(entries).sort()).toEqual(['person-01/sub-chat', 'person-01/sub-design', 'person-01/sub-notes', 'person-01/sub-pdf', 'person-01/sub-whiteboard']);
    const chat = entries['person-01/sub-chat']!;
    expect(chat).toMatchObject({ purchaserName: 'Maya Okafor', productName: 'Contoso Chat', licenses: 100, assignedCount: 12, termPrice: 125_000 });
    expect(chat.assignedNames).toContain('Liam Fischer');
  });

  it('marks the subscriptions whose payment failed, and only those', () => {
    const { org, doc, directory } = demoSummary();
    const entries = summarize(directory, [{ personId: org.purchaser.id, subscriptions: Object.values(readState(doc).subscriptions), failed: new Set(['sub-chat']) }]);
    expect(entries['person-01/sub-chat']!.paymentFailed).toBe(true);
    expect('paymentFailed' in entries['person-01/sub-notes']!).toBe(false);
  });

  it('rewrites only changed entries and deletes gone ones', () => {
    const { entries } = demoSummary();
    const doc = createSummaryDoc();
    writeSummary(doc, entries);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    writeSummary(doc, entries);
    expect(updates).toHaveLength(0);
    const { ['person-01/sub-pdf']: _gone, ...rest } = entries;
    const changed: Record<string, SummaryEntry> = { ...rest, 'person-01/sub-chat': { ...entries['person-01/sub-chat']!, licenses: 101 } };
    writeSummary(doc, changed);
    expect(updates).toHaveLength(1);
    expect(readSummary(doc)).toEqual({ entries: changed, notifications: {} });
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeGreaterThan(0);
  });

  it('reads the valid subscriptions of a purchaser document, as readState and the schema would', () => {
    const { doc } = demoSummary();
    expect(readSubscriptions(doc)).toEqual(Object.values(readState(doc).subscriptions));
    doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-pdf')!.set('licenses', 0);
    doc.getMap<unknown>('subscriptions').set('not-a-map', 'x');
    expect(readSubscriptions(doc).map((sub) => sub.id).sort()).toEqual(['sub-chat', 'sub-design', 'sub-notes', 'sub-whiteboard']);
  });

  it('compares a stored entry field by field', () => {
    const entry = demoSummary().entries['person-01/sub-chat']!;
    expect(sameEntry(structuredClone(entry), entry)).toBe(true);
    expect(sameEntry({ ...entry, licenses: entry.licenses + 1 }, entry)).toBe(false);
    expect(sameEntry({ ...entry, assignedNames: [...entry.assignedNames].reverse() }, entry)).toBe(false);
    expect(sameEntry({ ...entry, extra: 1 }, entry)).toBe(false);
    expect(sameEntry(undefined, entry)).toBe(false);
  });
});
