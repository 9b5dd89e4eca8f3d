import type { UnusedLicenses } from '../lib/insights/unused-licenses';
import { formatMoney } from '../lib/money';

/** "88" over "$1,100.00 a month": a row's unused licenses and what they cost; 0 alone when none. */
export function UnusedCell({ waste }: { waste: UnusedLicenses }) {
  if (!waste.unused) return <>0</>;
  return (
    <>
      {waste.unused}
      <span class="unused-cost money">{formatMoney(waste.perMonth, waste.currency)} a month</span>
    </>
  );
}
