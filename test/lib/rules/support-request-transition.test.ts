import { describe, expect, it } from 'vitest';
import { handledFields, judgeSupportRequest } from '../../../lib/rules/support-request-transition';
import type { SupportRequest } from '../../../lib/support/schema';

const NOW = '2026-03-15T12:00:00.000Z';
const queued: SupportRequest = {
  id: 'req-1',
  subject: 'Invoice address',
  message: 'Please put our VAT number on the invoices.',
  email: 'maya.okafor@northwind.example',
  createdAt: '2026-03-15T11:00:00.000Z',
  status: 'queued',
};
const received: SupportRequest = { ...queued, status: 'received', receivedAt: NOW };
const handled: SupportRequest = { ...received, ...handledFields('2026-03-16T09:00:00.000Z') };

describe('judgeSupportRequest', () => {
  it('receives a new queued request at the server’s clock, without a notice', () => {
    expect(judgeSupportRequest('req-1', undefined, queued, NOW)).toEqual({
      ok: true,
      corrections: [{ op: 'put', collection: 'supportRequests', id: 'req-1', fields: { status: 'received', receivedAt: NOW } }],
      notices: [],
    });
  });

  it('refuses a new request that claims to be received or handled, or carries a server date', () => {
    expect(judgeSupportRequest('req-1', undefined, received, NOW)).toEqual({ ok: false, refuse: 'supportRequests.req-1.status: only the server receives a request' });
    expect(judgeSupportRequest('req-1', undefined, handled, NOW)).toEqual({ ok: false, refuse: 'supportRequests.req-1.status: only the server receives a request' });
    expect(judgeSupportRequest('req-1', undefined, { ...queued, receivedAt: NOW }, NOW)).toEqual({ ok: false, refuse: 'supportRequests.req-1.receivedAt: set by the server only' });
    expect(judgeSupportRequest('req-1', undefined, { ...queued, handledAt: NOW }, NOW)).toEqual({ ok: false, refuse: 'supportRequests.req-1.handledAt: set by the server only' });
  });

  it('refuses a purchaser’s change of a received request’s status or dates', () => {
    expect(judgeSupportRequest('req-1', received, { ...received, ...handledFields(NOW) }, NOW)).toEqual({ ok: false, refuse: 'supportRequests.req-1.status: set by the server only' });
    expect(judgeSupportRequest('req-1', received, { ...received, receivedAt: '2020-01-01T00:00:00.000Z' }, NOW)).toEqual({ ok: false, refuse: 'supportRequests.req-1.receivedAt: set by the server only' });
    expect(judgeSupportRequest('req-1', handled, { ...handled, status: 'received' }, NOW)).toEqual({ ok: false, refuse: 'supportRequests.req-1.status: set by the server only' });
  });

  it('refuses rewriting what a sent request says', () => {
    expect(judgeSupportRequest('req-1', received, { ...received, message: 'Never mind.' }, NOW)).toEqual({
      ok: false,
      refuse: 'supportRequests.req-1.message: a sent request is not changed; send a new one',
    });
  });

  it('accepts a request left as the server wrote it, and its removal from the device', () => {
    expect(judgeSupportRequest('req-1', handled, handled, NOW)).toEqual({ ok: true, corrections: [], notices: [] });
    expect(judgeSupportRequest('req-1', received, undefined, NOW)).toEqual({ ok: true, corrections: [], notices: [] });
  });
});
