import { describe, expect, it } from 'vitest';
import { checkRoomDoc } from '../../../lib/room/room-doc';
import { createSupportInboxDoc, inboxEntry, inboxKey, markInboxHandled, putInboxEntry, readInboxEntry } from '../../../lib/room/support-inbox';
import type { SupportRequest } from '../../../lib/support/schema';

const request: SupportRequest = {
  id: 'req-1',
  subject: 'Invoice address',
  message: 'Please put our VAT number on the invoices.',
  email: 'maya.okafor@northwind.example',
  createdAt: '2026-03-15T11:00:00.000Z',
  status: 'received',
  receivedAt: '2026-03-15T11:00:01.000Z',
};

describe('the support inbox room', () => {
  it('holds a received request under purchaser and request, valid for its room kind', () => {
    const doc = createSupportInboxDoc();
    putInboxEntry(doc, inboxEntry('person-01', 'Maya Okafor', request, request.receivedAt!));
    expect(readInboxEntry(doc, inboxKey('person-01', 'req-1'))).toEqual({
      purchaserId: 'person-01',
      purchaserName: 'Maya Okafor',
      requestId: 'req-1',
      subject: 'Invoice address',
      message: 'Please put our VAT number on the invoices.',
      email: 'maya.okafor@northwind.example',
      createdAt: '2026-03-15T11:00:00.000Z',
      receivedAt: '2026-03-15T11:00:01.000Z',
    });
    expect(checkRoomDoc('support', doc)).toEqual({ ok: true });
  });

  it('marks a request handled once, keeping the first date and admin', () => {
    const doc = createSupportInboxDoc();
    putInboxEntry(doc, inboxEntry('person-01', 'Maya Okafor', request, request.receivedAt!));
    const key = inboxKey('person-01', 'req-1');
    expect(markInboxHandled(doc, key, '2026-03-16T09:00:00.000Z', 'person-it-admin')).toBe(true);
    expect(markInboxHandled(doc, key, '2026-03-17T09:00:00.000Z', 'someone-else')).toBe(true);
    expect(readInboxEntry(doc, key)).toMatchObject({ handledAt: '2026-03-16T09:00:00.000Z', handledBy: 'person-it-admin' });
    expect(markInboxHandled(doc, inboxKey('person-01', 'req-2'), '2026-03-16T09:00:00.000Z', 'person-it-admin')).toBe(false);
    expect(checkRoomDoc('support', doc)).toEqual({ ok: true });
  });
});
