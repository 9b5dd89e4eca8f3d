import { Button } from '../../components/Button';
import { sendSafely } from './messaging';
import { useMeta } from './meta';

/**
 * What the sync server changed of this purchaser's changes to keep them within the rules (a
 * purchase it could not make, licenses it capped), or a change this device had to undo, each in
 * plain words until dismissed. An alert: it is news the purchaser did not ask for.
 */
export function ServerNotices() {
  const notices = useMeta('notices') ?? [];
  if (!notices.length) return null;
  const dismiss = (keys: string[]) => void sendSafely({ type: 'dismissNotices', keys });
  return (
    <section class="server-notices" aria-label="Changes made by the sync server">
      <ul role="alert">
        {notices.map((notice) => (
          <li key={notice.key}>
            <p>{notice.message}</p>
            <Button small onClick={() => dismiss([notice.key])} aria-label={`Dismiss: ${notice.message}`}>
              Dismiss
            </Button>
          </li>
        ))}
      </ul>
      {notices.length > 1 ? (
        <Button small onClick={() => dismiss(notices.map((notice) => notice.key))}>
          Dismiss all
        </Button>
      ) : null}
    </section>
  );
}
