import type { Change } from '../../../lib/doc/change';
import type { CommandContext, CommandResult } from '../../../lib/commands/result';
import { demoOrg } from '../../../lib/org/demo';
import { demoSeedChanges } from '../../../lib/org/demo-seed';
import { emptyState, type PurchaserState } from '../../../lib/state';

/** In the seed at this instant, sub-chat (100 licenses, 12 assigned) is in a 28-day term with 12 days left. */
export const NOW = '2026-03-15T12:00:00.000Z';

export function context(now = NOW): CommandContext {
  let next = 0;
  return { now, org: demoOrg(), newId: () => `new-${++next}` };
}

/** A plain-object stand-in for the Yjs document, enough to read a command's effect back. */
export function applyChanges(state: PurchaserState, changes: readonly Change[]): PurchaserState {
  const copy = structuredClone(state);
  for (const change of changes) {
    const collection = copy[change.collection] as Record<string, Record<string, unknown>>;
    const entity = (collection[change.id] ??= {});
    if (change.op === 'put') Object.assign(entity, structuredClone(change.fields));
    if (change.op === 'unset') delete entity[change.field];
    if (change.op === 'mapSet') entity[change.field] = { ...(entity[change.field] as object), ...change.entries };
    if (change.op === 'mapDelete') {
      const map = { ...(entity[change.field] as Record<string, unknown>) };
      for (const key of change.keys) delete map[key];
      entity[change.field] = map;
    }
  }
  return copy;
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
