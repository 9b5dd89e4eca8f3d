import { useEffect, useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import { adminGet } from '../lib/admin/admin-get';

export interface AdminGet<T> {
  /** The latest answer; kept while a newer one is read, so the list does not flicker. */
  value: T | undefined;
  /** Why the latest read failed, if it did. */
  problem: string | undefined;
}

/**
 * Reads `path` from the sync server with the admin's token while `active`, again whenever the path,
 * the token or `refreshKey` changes (the summary room's entries: what the server stored changed).
 * A refused token asks for a renewal; the renewed token reads again.
 */
export function useAdminGet<T>(path: string, token: string, schema: z.ZodMiniType<T>, active: boolean, refreshKey: unknown, onTokenRefused: () => void): AdminGet<T> {
  const [value, setValue] = useState<T>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (!active) return;
    let current = true;
    void adminGet((url, init) => fetch(url, init), `${location.origin}${path}`, token, schema).then((result) => {
      // An answer to a read that a newer one replaced is dropped: the newer one is what holds.
      if (!current) return;
      if (result.ok) {
        setValue(result.value);
        setProblem(undefined);
        return;
      }
      setProblem(result.message);
      if (result.kind === 'expired') onTokenRefused();
    });
    return () => {
      current = false;
    };
    // The schema and the callback are constant per caller; reading again for them would add nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, token, active, refreshKey]);
  return { value, problem };
}
