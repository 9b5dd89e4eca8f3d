import * as z from 'zod/mini';
import { Person } from '../org/schemas';
import { Role } from '../org/role';

/** A person of the organization's directory with their sign-in role; `none` when they cannot sign in. */
export const DirectoryPerson = z.object({ ...Person.shape, role: z.union([Role, z.literal('none')]) });
export type DirectoryPerson = z.infer<typeof DirectoryPerson>;

/** `GET /api/admin/directory`'s answer. */
export const DirectoryAnswer = z.object({ people: z.array(DirectoryPerson) });

export const ROLE_LABELS: Record<DirectoryPerson['role'], string> = { purchaser: 'Purchaser', admin: 'IT admin', none: 'No sign-in' };

/**
 * The directory (the org room's people) joined with the server's roles (the `members` table), sorted
 * by name. A member who is not in the directory is not a person to list.
 */
export function directoryPeople(directory: Readonly<Record<string, Person>>, members: readonly { personId: string; role: Role }[]): DirectoryPerson[] {
  const roles = new Map(members.map((m) => [m.personId, m.role]));
  return Object.values(directory)
    .map((person): DirectoryPerson => ({ ...person, role: roles.get(person.id) ?? 'none' }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

/** People whose name, email, department or role contains every word of `query`, ignoring case. */
export function searchPeople(people: readonly DirectoryPerson[], query: string): DirectoryPerson[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...people];
  return people.filter((p) => {
    const text = `${p.displayName} ${p.email} ${p.department} ${ROLE_LABELS[p.role]}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
