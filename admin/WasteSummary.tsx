import { orgWaste } from '../lib/admin/org-insights';
import type { SummaryRow } from '../lib/admin/summary-rows';
import type { WasteTotal } from '../lib/insights/unused-licenses';
import { formatMoney } from '../lib/money';
import { plural } from '../lib/text/plural';

const cost = (totals: readonly WasteTotal[]) => totals.map((t) => `${formatMoney(t.perMonth, t.currency)} a month`).join(' and ');
const count = (totals: readonly WasteTotal[]) => plural(totals.reduce((sum, t) => sum + t.unused, 0), 'unused license');

/** The organization's unused licenses and what they cost, then each purchaser's: who could remove some. */
export function WasteSummary({ rows }: { rows: readonly SummaryRow[] }) {
  const { organization, purchasers } = orgWaste(rows);
  if (!organization.length) return null;
  return (
    <section class="waste-summary" aria-labelledby="waste-heading">
      <h2 id="waste-heading" class="visually-hidden">
        Unused licenses
      </h2>
      <p class="waste-total">
        Your organization pays for {count(organization)} — {cost(organization)}
      </p>
      <ul class="waste-list" aria-label="Unused licenses by purchaser">
        {purchasers.map((p) => (
          <li key={p.purchaserId}>
            {p.purchaserName}: {count(p.totals)} — {cost(p.totals)}
          </li>
        ))}
      </ul>
    </section>
  );
}
