import type { Change } from '../doc/change';

/**
 * What the rules decided about one purchaser update. `refuse`: a value no honest extension writes
 * (a lie), so nothing of the update is kept. Otherwise the update is kept together with
 * `corrections`, changes the server makes in the same commit to bring an honest merge back within
 * the rules, and a `notice` in plain words for each one.
 */
export type Judgement = { ok: false; refuse: string } | { ok: true; corrections: Change[]; notices: Notice[] };

export interface Notice {
  subscriptionId?: string;
  message: string;
}

export const ACCEPT: Judgement = { ok: true, corrections: [], notices: [] };

export function refuse(message: string): Judgement {
  return { ok: false, refuse: message };
}

/** Every correction of several judgements, or the first refusal among them. */
export function combine(judgements: readonly Judgement[]): Judgement {
  const corrections: Change[] = [];
  const notices: Notice[] = [];
  for (const judgement of judgements) {
    if (!judgement.ok) return judgement;
    corrections.push(...judgement.corrections);
    notices.push(...judgement.notices);
  }
  return { ok: true, corrections, notices };
}
