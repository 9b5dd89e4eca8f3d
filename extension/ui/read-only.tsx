import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { readOnlyOf, type ReadOnly } from '../../lib/sync/read-only';
import { adminConsoleUrl } from '../../lib/sync/server-url';
import type { SyncMeta } from '../../lib/sync/status';
import { useMeta } from './meta';

const ReadOnlyContext = createContext<{ readOnly: ReadOnly | undefined; meta: SyncMeta | undefined }>({ readOnly: undefined, meta: undefined });

/**
 * Reads once per page whether this device must leave the data as it is (an IT admin's session, a
 * copy kept after signing out; `lib/sync/read-only.ts`), for `useReadOnly` and `Writable` below.
 */
export function ReadOnlyProvider({ children }: { children: ComponentChildren }) {
  const meta = useMeta('sync');
  return <ReadOnlyContext.Provider value={{ readOnly: readOnlyOf(meta), meta }}>{children}</ReadOnlyContext.Provider>;
}

export function useReadOnly(): ReadOnly | undefined {
  return useContext(ReadOnlyContext).readOnly;
}

/** Controls that change data (buy, licenses, assign, cancel, cards): not rendered while read-only. */
export function Writable({ children }: { children: ComponentChildren }) {
  return useReadOnly() ? null : <>{children}</>;
}

/** The one line that says why there is nothing to buy or change here, with the way to the admin console for an admin. */
export function ReadOnlyNotice() {
  const { readOnly, meta } = useContext(ReadOnlyContext);
  if (!readOnly) return null;
  const serverUrl = readOnly.kind === 'admin' && meta && 'serverUrl' in meta ? meta.serverUrl : undefined;
  return (
    <p class="read-only-notice" role="note">
      {readOnly.text}
      {serverUrl ? (
        <>
          {' '}
          <a href={adminConsoleUrl(serverUrl)} target="_blank" rel="noopener noreferrer">
            Open admin console
          </a>
        </>
      ) : null}
    </p>
  );
}
