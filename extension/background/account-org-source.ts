import type { OrgSource } from '../../lib/org/source';
import type { Organization, Person } from '../../lib/org/schemas';
import type { SeatkeeperDb } from '../store/db';

/**
 * The organization of the account the document belongs to, as last projected from the org room, so
 * commands keep checking against the real catalog offline and after a restart. A document that
 * belongs to no account (the demo) uses `demo`.
 */
export function accountOrgSource(db: SeatkeeperDb, demo: OrgSource): OrgSource {
  return {
    async load() {
      if (!(await db.meta.get('account'))) return demo.load();
      const [organization, purchaser, catalog, people] = await Promise.all([
        db.meta.get('organization'),
        db.meta.get('purchaser'),
        db.products.orderBy('name').toArray(),
        db.people.orderBy('displayName').toArray(),
      ]);
      if (!organization || !purchaser) {
        throw new Error('Your organization’s catalog has not arrived from the sync server yet. Try again once it is online.');
      }
      const directory = people.map(({ words: _words, ...person }): Person => person);
      return { organization: organization.value as Organization, purchaser: purchaser.value as Person, catalog, directory };
    },
  };
}
