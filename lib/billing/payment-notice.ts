/**
 * What a subscription's row says about paying for its last purchase or license change, once the
 * sync server bills: nothing when it was charged (or nothing was due), else one of these.
 */
export interface PaymentNotice {
  state: 'awaiting' | 'declined' | 'no-payment-method';
  message: string;
}

export const AWAITING_MESSAGE = 'Awaiting confirmation';
