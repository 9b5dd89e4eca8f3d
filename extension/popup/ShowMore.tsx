import { Button } from '../../components/Button';
import { plural } from '../../lib/text/plural';

/**
 * Below a list cut to its first `shown` items: how many of `total` are on screen, and a button that
 * reveals `step` more. The count is a polite status, so a screen reader hears the list grow.
 */
export function ShowMore({ shown, total, step, onMore }: { shown: number; total: number; step: number; onMore: () => void }) {
  return (
    <div class="list-more">
      <p class="muted" role="status">
        Showing {shown.toLocaleString('en-US')} of {plural(total, 'subscription')}
      </p>
      <Button onClick={onMore}>Show {Math.min(step, total - shown).toLocaleString('en-US')} more</Button>
    </div>
  );
}
