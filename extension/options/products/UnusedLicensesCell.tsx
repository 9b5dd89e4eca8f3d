import type { UnusedLicenses } from '../../../lib/insights/unused-licenses';
import { formatMoney } from '../../../lib/money';
import { Button } from '../../../components/Button';
import { Writable } from '../../ui/read-only';

/**
 * A products row's unused licenses, what they cost a month and a year, and the one click that
 * removes them (the licenses pane, opened at the assigned count, where the purchaser confirms).
 */
export function UnusedLicensesCell({ waste, canRemove, onRemove }: { waste: UnusedLicenses; canRemove: boolean; onRemove: () => void }) {
  if (!waste.unused) return <span class="muted">None</span>;
  return (
    <div class="unused-cell">
      {/* The column says "Unused licenses"; the word is there for screen readers reading the cell alone. */}
      <strong>
        {waste.unused.toLocaleString('en-US')} unused<span class="visually-hidden"> {waste.unused === 1 ? 'license' : 'licenses'}</span>
      </strong>
      <span>{formatMoney(waste.perMonth, waste.currency)} a month</span>
      <span class="muted">{formatMoney(waste.perYear, waste.currency)} a year</span>
      {canRemove ? (
        <Writable>
          <Button small onClick={onRemove}>
            Remove unused licenses
          </Button>
        </Writable>
      ) : null}
    </div>
  );
}
