import type { OrgData, Person } from '../../lib/org/schemas';
import type { PersonRow, SeatkeeperDb } from './db';

/** Lower-cased words of a person's name and email, so "ana", "lópez" and "ana.lopez" all find Ana López. */
export function personWords(person: Person): string[] {
  const text = `${person.displayName} ${person.email}`.toLowerCase();
  return [...new Set(text.split(/[\s@._-]+/).filter(Boolean))];
}

/** Writes the organization's catalog and directory where the UI reads them. */
export async function projectOrg(db: SeatkeeperDb, org: OrgData): Promise<void> {
  const people: PersonRow[] = org.directory.map((person) => ({ ...person, words: personWords(person) }));
  await db.transaction('rw', [db.products, db.people, db.meta], async () => {
    await Promise.all([db.products.clear(), db.people.clear()]);
    await db.products.bulkPut(org.catalog);
    await db.people.bulkPut(people);
    await db.meta.bulkPut([
      { key: 'organization', value: org.organization },
      { key: 'purchaser', value: org.purchaser },
    ]);
  });
}

/** Forgets the catalog and directory, so nothing is checked against another organization's until its own arrives. */
export async function clearOrg(db: SeatkeeperDb): Promise<void> {
  await db.transaction('rw', [db.products, db.people, db.meta], async () => {
    await Promise.all([db.products.clear(), db.people.clear(), db.meta.bulkDelete(['organization', 'purchaser'])]);
  });
}
