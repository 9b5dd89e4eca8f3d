import * as z from 'zod/mini';
import { FieldErrors } from '../commands/result';
import type { Fetch } from './auth-client';

export interface CardNumbers {
  number: string;
  expMonth: number;
  expYear: number;
  securityCode: string;
}

export type TokenizeResult =
  | { ok: true; cardRef: string }
  /** Offline or the server is down: the card is kept without a token. */
  | { ok: false; kind: 'unreachable' }
  /** The access token was refused: renew it and try again. */
  | { ok: false; kind: 'unauthorized' }
  | { ok: false; kind: 'refused'; errors: FieldErrors };

const Reply = z.object({ cardRef: z.string() });
const Refusal = z.object({ errors: FieldErrors });

/**
 * `POST /api/payment-methods/tokenize`: hands the card to the server's payment processor; the
 * server keeps the processor's token and answers with a reference to it, bound to this purchaser,
 * which the server charges later. The number goes nowhere else.
 */
export async function tokenizeCard(fetch: Fetch, serverUrl: string, accessToken: string, card: CardNumbers): Promise<TokenizeResult> {
  let response: Awaited<ReturnType<Fetch>>;
  try {
    response = await fetch(`${serverUrl}/api/payment-methods/tokenize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      // Only what the processor needs, whatever else the caller's object holds.
      body: JSON.stringify({ number: card.number, expMonth: card.expMonth, expYear: card.expYear, securityCode: card.securityCode }),
    });
  } catch {
    return { ok: false, kind: 'unreachable' };
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) return { ok: false, kind: 'unauthorized' };
  if (response.status === 400) {
    const refusal = Refusal.safeParse(answer);
    return { ok: false, kind: 'refused', errors: refusal.success ? refusal.data.errors : { number: 'The payment processor refused this card.' } };
  }
  const reply = response.ok ? Reply.safeParse(answer) : undefined;
  return reply?.success ? { ok: true, cardRef: reply.data.cardRef } : { ok: false, kind: 'unreachable' };
}
