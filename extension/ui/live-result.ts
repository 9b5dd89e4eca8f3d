import { dequal } from 'dequal/lite';

export interface LiveResult<T> {
  /** Undefined until the first result arrives. */
  data: T | undefined;
  error: Error | undefined;
}

/**
 * The state after a live query's result: the same object when the result equals what is shown, so
 * the page does not render again for a read that changed nothing (the first read after a seeded
 * render, a table rewritten with the same rows), which kept the popup busy just after it opened.
 */
export function withResult<T>(shown: LiveResult<T>, data: T): LiveResult<T> {
  return shown.error === undefined && dequal(shown.data, data) ? shown : { data, error: undefined };
}

/** The state after a live query failed: what was shown stays, with the error. */
export function withError<T>(shown: LiveResult<T>, error: unknown): LiveResult<T> {
  return { data: shown.data, error: error instanceof Error ? error : new Error(String(error)) };
}
