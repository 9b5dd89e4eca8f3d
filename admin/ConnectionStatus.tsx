import type { LiveStatus } from './use-live-room';

const TEXT: Record<LiveStatus, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

/** Whether what the table shows is current; announced politely when it changes. */
export function ConnectionStatus({ status }: { status: LiveStatus }) {
  return (
    <p class={`connection connection-${status}`} role="status">
      <span class="connection-dot" aria-hidden="true" />
      {TEXT[status]}
    </p>
  );
}
