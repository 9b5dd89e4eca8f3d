import * as z from 'zod/mini';
import { Role } from './role';
import { Id, type Person } from './schemas';

/** The columns of a directory file, in the order the template lists them. */
export const DIRECTORY_COLUMNS = ['id', 'name', 'email', 'department', 'role'] as const;

/** One row of a directory file as people fill it in: `role` empty or `none` gives no sign-in rights. */
const DirectoryRow = z.object({
  id: Id,
  name: z.string().check(z.trim(), z.minLength(1, 'name is empty'), z.maxLength(200, 'name is longer than 200 characters')),
  email: z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email('email is not an email address')),
  department: z.string().check(z.trim(), z.maxLength(200, 'department is longer than 200 characters')),
  role: z.string().check(z.trim(), z.toLowerCase(), z.refine((value) => value === '' || value === 'none' || Role.safeParse(value).success, 'role must be purchaser, admin or none')),
});

/** A record read from the file, with the line it starts on (the header is line 1). */
export interface DirectoryRecord {
  line: number;
  fields: Record<string, string>;
}

export interface DirectoryEntry {
  person: Person;
  role: Role | null;
}

export interface RowError {
  line: number;
  message: string;
}

export type DirectoryCheck = { ok: true; entries: DirectoryEntry[] } | { ok: false; errors: RowError[] };

/**
 * Checks a whole directory file before anything is stored: every bad row is reported with its line,
 * so one pass fixes them all. A row whose id is in the directory updates that person; an id or an
 * email given twice, or an email another person of the directory already has, is an error.
 */
export function checkDirectory(orgId: string, records: readonly DirectoryRecord[], columns: readonly string[], directory: Readonly<Record<string, Person>>): DirectoryCheck {
  const missing = DIRECTORY_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length) return { ok: false, errors: [{ line: 1, message: `the header has no ${missing.join(', ')} column; columns are ${DIRECTORY_COLUMNS.join(', ')}` }] };
  const errors: RowError[] = [];
  const entries: DirectoryEntry[] = [];
  const lineOfId = new Map<string, number>();
  const lineOfEmail = new Map<string, number>();
  const holderOfEmail = new Map(Object.values(directory).map((person) => [person.email.toLowerCase(), person.id]));
  for (const { line, fields } of records) {
    const absent = DIRECTORY_COLUMNS.filter((column) => fields[column] === undefined);
    if (absent.length) {
      errors.push({ line, message: `the row has no ${absent.join(', ')} field: it has fewer fields than the header` });
      continue;
    }
    const row = DirectoryRow.safeParse(fields);
    if (!row.success) {
      errors.push({ line, message: row.error.issues.map((issue) => (issue.message.startsWith('Invalid') || issue.message.startsWith('Too') ? `${String(issue.path[0])} is not valid` : issue.message)).join('; ') });
      continue;
    }
    const { id, name, email, department, role } = row.data;
    const duplicate = lineOfId.get(id) ?? lineOfEmail.get(email);
    const holder = holderOfEmail.get(email);
    if (duplicate !== undefined) errors.push({ line, message: `${lineOfId.has(id) ? `id ${id}` : `email ${email}`} is on line ${duplicate} already` });
    else if (holder !== undefined && holder !== id) errors.push({ line, message: `email ${email} belongs to ${holder} in the directory` });
    lineOfId.set(id, lineOfId.get(id) ?? line);
    lineOfEmail.set(email, lineOfEmail.get(email) ?? line);
    entries.push({ person: { id, orgId, displayName: name, email, department }, role: role === '' || role === 'none' ? null : Role.parse(role) });
  }
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}
