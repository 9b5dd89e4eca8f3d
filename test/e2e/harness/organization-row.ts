import type { Page } from 'playwright-core';

/**
 * Takes the organization's row out of the extension's database (or puts `row` back), as if it had
 * not been read yet. Behind the background's back: only a page opened afterwards sees the change.
 */
export function swapOrganizationRow(page: Page, row?: unknown): Promise<unknown> {
  return page.evaluate(
    (put) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('seatkeeper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const meta = open.result.transaction('meta', 'readwrite').objectStore('meta');
          const taken = meta.get('organization');
          if (put) meta.put(put);
          else meta.delete('organization');
          meta.transaction.oncomplete = () => {
            open.result.close();
            resolve(taken.result);
          };
          meta.transaction.onerror = () => reject(meta.transaction.error);
        };
      }),
    row,
  );
}
