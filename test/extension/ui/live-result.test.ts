import { describe, expect, test } from 'vitest';
import { withError, withResult, type LiveResult } from '../../../extension/ui/live-result';

const chat = { id: 'sub-chat', productName: 'Contoso Chat', licenses: 100, assigned: { 'person-1': '2026-11-01T00:00:00.000Z' } };

describe('a live query result', () => {
  test('equal to what is shown keeps the shown state, so the page does not render again', () => {
    const shown: LiveResult<(typeof chat)[]> = { data: [chat], error: undefined };
    // A fresh read of the same rows: other objects, same values.
    expect(withResult(shown, [structuredClone(chat)])).toBe(shown);
    const nothing: LiveResult<undefined> = { data: undefined, error: undefined };
    expect(withResult(nothing, undefined)).toBe(nothing);
  });

  test('that changed anything, however deep, replaces it', () => {
    const shown: LiveResult<(typeof chat)[]> = { data: [chat], error: undefined };
    const unassigned = { ...chat, assigned: {} };
    expect(withResult(shown, [unassigned])).toEqual({ data: [unassigned], error: undefined });
    expect(withResult(shown, [chat, { ...chat, id: 'sub-2' }]).data).toHaveLength(2);
    expect(withResult({ data: undefined, error: undefined }, [chat]).data).toEqual([chat]);
  });

  test('after an error replaces the error even when the data is the same', () => {
    const failed = withError<(typeof chat)[]>({ data: [chat], error: undefined }, new Error('The database was closed.'));
    expect(failed).toEqual({ data: [chat], error: new Error('The database was closed.') });
    expect(withResult(failed, [chat])).toEqual({ data: [chat], error: undefined });
  });

  test('an error keeps what was shown and names what went wrong', () => {
    expect(withError({ data: 3, error: undefined }, 'quota')).toEqual({ data: 3, error: new Error('quota') });
  });
});
