import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges } from '../../../lib/doc/apply';
import { demoOrg } from '../../../lib/org/demo';
import { demoSeedChanges } from '../../../lib/org/demo-seed';
import { putOrgEntity, writeOrganization } from '../../../lib/room/org-doc';
import { checkRoomDoc, createRoomDoc, readTouched } from '../../../lib/room/room-doc';

const NOW = '2026-11-20T10:00:00.000Z';

describe('checkRoomDoc', () => {
  it('accepts the demo purchaser document and an empty one', () => {
    const doc = createRoomDoc('purchaser');
    expect(checkRoomDoc('purchaser', doc)).toEqual({ ok: true });
    applyChanges(doc, demoSeedChanges(demoOrg(), NOW), null);
    expect(checkRoomDoc('purchaser', doc)).toEqual({ ok: true });
  });

  it('names the field of an entity that breaks its schema', () => {
    const doc = createRoomDoc('purchaser');
    applyChanges(doc, demoSeedChanges(demoOrg(), NOW), null);
    doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-chat')!.set('licenses', -3);
    const check = checkRoomDoc('purchaser', doc);
    expect(check.ok).toBe(false);
    expect(check.ok || check.message).toMatch(/^subscriptions\.sub-chat\.licenses: /);
  });

  it('refuses unknown collections and entities that are not maps', () => {
    const doc = createRoomDoc('purchaser');
    doc.getText('notes').insert(0, 'x');
    expect(checkRoomDoc('purchaser', doc)).toEqual({ ok: false, message: 'Unknown collection "notes"' });
    const plain = createRoomDoc('purchaser');
    plain.getMap('invoices').set('inv-1', 'oops');
    expect(checkRoomDoc('purchaser', plain)).toEqual({ ok: false, message: 'invoices.inv-1: not an entity map' });
  });

  it('validates the organization room', () => {
    const org = demoOrg();
    const doc = createRoomDoc('org');
    writeOrganization(doc, org.organization);
    for (const p of org.catalog) putOrgEntity(doc, 'catalog', p);
    for (const p of org.directory) putOrgEntity(doc, 'directory', p);
    expect(checkRoomDoc('org', doc)).toEqual({ ok: true });
    doc.getMap<Y.Map<unknown>>('directory').get('person-02')!.set('email', 'nope');
    expect(checkRoomDoc('org', doc).ok).toBe(false);
  });
});

describe('readTouched', () => {
  it('reads the touched entries as they are now, or, inside the changing transaction, as they were', () => {
    const doc = createRoomDoc('purchaser');
    applyChanges(doc, demoSeedChanges(demoOrg(), NOW), null);
    const before = Y.snapshot(doc);
    const touched = new Map([['subscriptions', new Set(['sub-chat'])]]);
    let asOf: Record<string, Record<string, unknown>> = {};
    doc.once('afterTransaction', () => (asOf = readTouched('purchaser', doc, touched, before)));
    doc.transact(() => {
      const sub = doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-chat')!;
      sub.set('licenses', 120);
      (sub.get('assigned') as Y.Map<string>).set('new@northwind.example', NOW);
    });

    const then = asOf.subscriptions!['sub-chat'] as { id: string; licenses: number; assigned: Record<string, string> };
    const now = readTouched('purchaser', doc, touched).subscriptions!['sub-chat'] as typeof then;
    expect(then.id).toBe('sub-chat');
    expect(then.licenses).not.toBe(120);
    expect(then.assigned).not.toHaveProperty(['new@northwind.example']);
    expect(now.licenses).toBe(120);
    expect(now.assigned).toHaveProperty(['new@northwind.example'], NOW);
  });
});
