import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export interface LiveResult<T> {
  /** Undefined until the first result arrives. */
  data: T | undefined;
  error: Error | undefined;
}

/**
 * Subscribes to a Dexie `liveQuery` and re-renders whenever the tables it read change.
 * `deps` work like useEffect's: the query restarts when one of them changes. `initial` is what the
 * page already read before rendering (see MetaSeedProvider), shown until the first result arrives.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, deps: readonly unknown[], initial?: T): LiveResult<T> {
  const [state, setState] = useState<LiveResult<T>>({ data: initial, error: undefined });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (data) => setState({ data, error: undefined }),
      error: (error: unknown) =>
        setState((prev) => ({ data: prev.data, error: error instanceof Error ? error : new Error(String(error)) })),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
