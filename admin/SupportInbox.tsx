import { useState } from 'preact/hooks';
import type { SupportInboxRow } from '../lib/admin/support-inbox-rows';
import { markSupportRequestHandled } from '../lib/admin/support-client';
import type { LiveStatus } from './use-live-room';

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const when = (at: string) => dateTime.format(new Date(at));

interface Props {
  rows: readonly SupportInboxRow[];
  newCount: number;
  status: LiveStatus;
  accessToken: string;
  onTokenRefused(): void;
}

/**
 * The organization's support requests, as the server received them. Marking one handled goes to the
 * server (`POST /api/support/handled`), which writes it into the inbox and into the purchaser's
 * request; the list shows it when the inbox room says so.
 */
export function SupportInbox({ rows, newCount, status, accessToken, onTokenRefused }: Props) {
  const [pending, setPending] = useState<string>();
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function markHandled(key: string) {
    setPending(key);
    setProblems(({ [key]: _, ...others }) => others);
    const result = await markSupportRequestHandled((url, init) => fetch(url, init), location.origin, accessToken, key);
    setPending(undefined);
    if (result.ok) {
      // The button is gone: focus stays in the request it acted on.
      document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
      return;
    }
    if (result.kind === 'expired') onTokenRefused();
    setProblems((current) => ({ ...current, [key]: result.message }));
  }

  const handled = rows.length - newCount;
  return (
    <>
      <h1>Support inbox</h1>
      <p class="muted">Requests purchasers sent from Seatkeeper. Reply to them by email, then mark them handled: the purchaser sees when.</p>
      <p class="admin-count" role="status">
        {status === 'connecting' && rows.length === 0 ? 'Loading requests…' : `${newCount} new, ${handled} handled`}
      </p>
      {rows.length === 0 ? (
        status === 'connecting' ? null : <p>No support requests yet.</p>
      ) : (
        <ul class="inbox-list" aria-label="Support requests">
          {rows.map((row) => {
            const id = `request-${row.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
            return (
              <li key={row.key} data-key={row.key} tabIndex={-1} class={row.handledAt ? 'inbox-item' : 'inbox-item is-new'}>
                <div class="inbox-head">
                  <h2 id={`${id}-subject`}>{row.subject}</h2>
                  {row.handledAt ? <span class="badge badge-good">Handled {when(row.handledAt)}</span> : <span class="badge badge-warn">New</span>}
                </div>
                <p class="inbox-meta">
                  From <strong>{row.purchaserName}</strong> · <a href={`mailto:${row.email}?subject=${encodeURIComponent(`Re: ${row.subject}`)}`}>{row.email}</a> · Received{' '}
                  {when(row.receivedAt)}
                </p>
                <p class="inbox-message">{row.message}</p>
                {row.handledAt ? null : (
                  <button type="button" class="btn btn-small" aria-describedby={`${id}-subject`} disabled={pending === row.key} onClick={() => void markHandled(row.key)}>
                    {pending === row.key ? 'Marking…' : 'Mark handled'}
                  </button>
                )}
                {problems[row.key] ? (
                  <p class="field-error" role="alert">
                    {problems[row.key]}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
