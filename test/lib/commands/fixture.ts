import type { Change } from '../../../lib/doc/change';
import type { CommandContext, CommandResult } from '../../../lib/commands/result';
import { demoOrg } from '../../../lib/org/demo';
import { demoSeedChanges } from '../../../lib/org/demo-seed';
import { applyChanges as applyToDoc } from '../../../lib/doc/apply';
import { createPurchaserDoc } from '../../../lib/doc/purchaser-doc';
import { readState } from '../../../lib/doc/read';
import { COLLECTIONS, emptyState, type PurchaserState } from '../../../lib/state';

/** In the seed at this instant, sub-chat (100 licenses, 12 assigned) is in a 28-day term with 12 days left. */
export const NOW = '2026-03-15T12:00:00.000Z';

export function context(now = NOW, billing: CommandContext['billing'] = 'local'): CommandContext {
  let next = 0;
  return { now, org: demoOrg(), newId: () => `new-${++next}`, billing };
}

/** Reads a command's effect back through the real document: state → Y.Doc → changes → state. */
export function applyChanges(state: PurchaserState, changes: readonly Change[]): PurchaserState {
  const doc = createPurchaserDoc();
  const existing: Change[] = COLLECTIONS.flatMap((collection) =>
    Object.values(state[collection]).map(({ id, ...fields }): Change => ({ op: 'put', collection, id, fields })),
  );
  applyToDoc(doc, existing, null);
  applyToDoc(doc, changes, null);
  return readState(doc);
}

export function seededState(now = NOW): PurchaserState {
  return applyChanges(emptyState(), demoSeedChanges(demoOrg(), now));
}

export function expectOk(result: CommandResult): Extract<CommandResult, { ok: true }> {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result.errors)}`);
  return result;
}

export function errorsOf(result: CommandResult): Record<string, string> {
  if (result.ok) throw new Error(`Expected a refusal, got "${result.message}"`);
  return result.errors;
}
