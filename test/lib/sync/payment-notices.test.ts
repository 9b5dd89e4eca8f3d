import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges } from '../../../lib/doc/apply';
import { createPurchaserDoc } from '../../../lib/doc/purchaser-doc';
import { createBillingDoc, putBillingEntity } from '../../../lib/room/billing-doc';
import { licensesChangeKey } from '../../../lib/room/change-key';
import { paymentNotices } from '../../../lib/sync/payment-notices';

const AT = '2026-04-15T10:00:00.000Z';

function purchaser(): Y.Doc {
  const doc = createPurchaserDoc();
  applyChanges(doc, [{ op: 'put', collection: 'subscriptions', id: 's1', fields: { licenses: 3 } }], null);
  return doc;
}

function charged(billing: Y.Doc, key: string, status: 'charged' | 'declined'): void {
  putBillingEntity(billing, 'charges', key, { subscriptionId: 's1', changeKey: key, status, amount: 100, currency: 'USD', message: status, at: AT });
}

describe('licensesChangeKey', () => {
  it('is the same on every replica and new after every license write', () => {
    const doc = purchaser();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const first = licensesChangeKey(doc, 's1');
    expect(licensesChangeKey(copy, 's1')).toBe(first);
    applyChanges(doc, [{ op: 'put', collection: 'subscriptions', id: 's1', fields: { licenses: 4 } }], null);
    expect(licensesChangeKey(doc, 's1')).not.toBe(first);
    expect(licensesChangeKey(doc, 'missing')).toBeUndefined();
  });
});

describe('paymentNotices', () => {
  it('awaits the charge of the last change, then shows nothing once charged', () => {
    const doc = purchaser();
    const billing = createBillingDoc();
    expect(paymentNotices(doc, billing, ['s1'], {})).toEqual({ notices: { s1: { state: 'awaiting', message: 'Awaiting confirmation' } }, awaiting: ['s1'] });
    charged(billing, licensesChangeKey(doc, 's1')!, 'charged');
    expect(paymentNotices(doc, billing, ['s1'], {})).toEqual({ notices: {}, awaiting: [] });
  });

  it('shows a decline on any device, and nothing for a subscription never billed by the server', () => {
    const doc = purchaser();
    const billing = createBillingDoc();
    expect(paymentNotices(doc, billing, [], {})).toEqual({ notices: {}, awaiting: [] });
    charged(billing, licensesChangeKey(doc, 's1')!, 'declined');
    expect(paymentNotices(doc, billing, [], {}).notices).toEqual({ s1: { state: 'declined', message: 'declined' } });
  });

  it('awaits again after the purchaser asked to pay again, until a charge answers that request', () => {
    const doc = purchaser();
    const billing = createBillingDoc();
    const key = licensesChangeKey(doc, 's1')!;
    charged(billing, key, 'declined');
    applyChanges(doc, [{ op: 'put', collection: 'subscriptions', id: 's1', fields: { paymentRetry: AT } }], null);
    expect(paymentNotices(doc, billing, [], {}).notices).toEqual({ s1: { state: 'awaiting', message: 'Awaiting confirmation' } });
    putBillingEntity(billing, 'charges', key, { subscriptionId: 's1', changeKey: key, status: 'declined', amount: 100, currency: 'USD', message: 'Declined again.', at: AT, retryOf: AT });
    expect(paymentNotices(doc, billing, [], {}).notices).toEqual({ s1: { state: 'declined', message: 'Declined again.' } });
  });

  it('keeps earlier notices until the billing room has synced', () => {
    const previous = { s1: { state: 'declined' as const, message: 'Your card was declined.' } };
    expect(paymentNotices(purchaser(), undefined, [], previous).notices).toEqual(previous);
  });
});
