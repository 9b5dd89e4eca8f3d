import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { withError, withResult, type LiveResult } from './live-result';

/**
 * Subscribes to a Dexie `liveQuery` and re-renders whenever the tables it read change what it
 * returns. `deps` work like useEffect's: the query restarts when one of them changes. `initial` is
 * what the page already read before rendering (see MetaSeedProvider), shown until the first result
 * arrives.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, deps: readonly unknown[], initial?: T): LiveResult<T> {
  const [state, setState] = useState<LiveResult<T>>({ data: initial, error: undefined });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (data) => setState((shown) => withResult(shown, data)),
      error: (error: unknown) => setState((shown) => withError(shown, error)),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
