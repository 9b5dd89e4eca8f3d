import { Dialog } from '../../../components/Dialog';
import { plural } from '../../../lib/text/plural';

/**
 * Asks what signing out leaves on this device: a read-only copy of the account's data (nothing
 * done while signed out can reach the account, so there is nothing to change), or nothing of it.
 * The safe answer, staying signed in, has the focus.
 */
export function SignOutDialog({
  name,
  waiting,
  onChoose,
  onCancel,
}: {
  name: string;
  /** Changes the server has not stored yet. */
  waiting: number;
  onChoose: (keep: boolean) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title="Sign out" description={`What should stay on this device of ${name}’s data?`} onClose={onCancel} variant="dialog" hideClose>
      <div class="confirm-body">
        <p>
          <strong>Keep a copy on this device:</strong> you can still read the subscriptions, cards and invoices here, but not
          change them until you sign in again as {name}, so nothing done while signed out reaches the account.
        </p>
        <p>
          <strong>Remove this account’s data:</strong> its subscriptions, cards, invoices and notices are deleted from this
          device, which shows the demo data again. The account keeps everything the sync server has.
        </p>
        {waiting > 0 ? (
          <p role="note">
            {plural(waiting, 'change')} {waiting === 1 ? 'has' : 'have'} not reached the sync server yet: a kept copy sends{' '}
            {waiting === 1 ? 'it' : 'them'} when you sign in again; removing the data loses {waiting === 1 ? 'it' : 'them'}.
          </p>
        ) : null}
      </div>
      <div class="dialog-actions">
        <button type="button" class="btn btn-primary" onClick={() => onChoose(true)}>
          Keep a copy on this device
        </button>
        <button type="button" class="btn btn-danger" onClick={() => onChoose(false)}>
          Remove this account’s data
        </button>
        <button type="button" class="btn btn-secondary" data-autofocus onClick={onCancel}>
          Stay signed in
        </button>
      </div>
    </Dialog>
  );
}
