import * as Y from 'yjs';
import { ServerNotice } from '../room/billing-doc';

/** A notice as the pages show it: what the server (or this device) undid and why, in plain words. */
export interface ShownNotice {
  key: string;
  message: string;
  at: string;
}

/**
 * What to tell the purchaser: the notices of the server's corrections in their billing room and
 * this device's own (a change the server refused and the device undid), newest first, without
 * the ones dismissed here.
 */
export function shownNotices(billing: Y.Doc | undefined, local: readonly ShownNotice[], dismissed: readonly string[]): ShownNotice[] {
  const fromServer = [...(billing?.getMap<unknown>('notices').entries() ?? [])].flatMap(([key, entry]): ShownNotice[] => {
    const notice = ServerNotice.safeParse(entry instanceof Y.Map ? entry.toJSON() : entry);
    return notice.success ? [{ key, message: notice.data.message, at: notice.data.at }] : [];
  });
  return [...fromServer, ...local].filter((notice) => !dismissed.includes(notice.key)).sort((a, b) => b.at.localeCompare(a.at));
}
