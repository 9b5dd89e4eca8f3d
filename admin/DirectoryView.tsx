import { useMemo, useState } from 'preact/hooks';
import { DirectoryAnswer, ROLE_LABELS, searchPeople } from '../lib/admin/directory-people';
import { PlainTable } from './PlainTable';
import { useAdminGet } from './use-admin-get';

interface Props {
  accessToken: string;
  /** Whether the view is shown and the server reachable: the directory is read each time that turns true, roles being the server's. */
  active: boolean;
  onTokenRefused(): void;
}

/** The organization's people with their role, from `GET /api/admin/directory` (roles live on the server, not in a room). */
export function DirectoryView({ accessToken, active, onTokenRefused }: Props) {
  const [query, setQuery] = useState('');
  // Read again each time the view is shown (the hook reads when `active` turns true).
  const directory = useAdminGet('/api/admin/directory', accessToken, DirectoryAnswer, active, undefined, onTokenRefused);
  const people = directory.value?.people;
  const shown = useMemo(() => searchPeople(people ?? [], query), [people, query]);

  return (
    <>
      <h1>Directory</h1>
      <p class="muted">
        The people of your organization and how they sign in. Add or update them with <code>npm run cli -- import-people</code>.
      </p>
      <form class="admin-filters directory-filters" role="search" aria-label="Search the directory" onSubmit={(e) => e.preventDefault()}>
        <div class="field admin-search">
          <label class="field-label" for="directory-search">
            Search people
          </label>
          <input id="directory-search" type="search" placeholder="Name, email, department or role" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
      </form>
      <p class="admin-count" role="status">
        {directory.problem ?? (directory.value ? `Showing ${shown.length} of ${people?.length ?? 0} people` : 'Loading the directory…')}
      </p>
      <PlainTable
        caption="People of the organization with their role"
        columns={['Name', 'Email', 'Department', 'Role']}
        empty={directory.value && shown.length === 0 ? 'No one matches.' : undefined}
      >
        {shown.map((person) => (
          <tr key={person.id} data-person={person.id}>
            <td>{person.displayName}</td>
            <td>{person.email}</td>
            <td>{person.department}</td>
            <td>
              <span class={person.role === 'none' ? 'badge badge-neutral' : 'badge badge-good'}>{ROLE_LABELS[person.role]}</span>
            </td>
          </tr>
        ))}
      </PlainTable>
    </>
  );
}
