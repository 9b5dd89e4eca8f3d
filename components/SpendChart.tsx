import { useId } from 'preact/hooks';
import type { SpendSeries } from '../lib/insights/monthly-spend';
import { spendProducts } from '../lib/insights/spend-products';
import { formatMoney } from '../lib/money';

/** Eight distinct fills, each at least 3:1 against white (WCAG 1.4.11); products beyond eight reuse them, the table tells them apart. */
const FILLS = ['#0b5cad', '#b3541e', '#1d6b34', '#7b3fa0', '#8a6a00', '#a3195b', '#2b6f80', '#5b6370'];
const WIDTH = 720;
const HEIGHT = 240;
const TOP = 22;
const BOTTOM = 26;
const monthFormatter = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-12` → `Dec 2026`. */
export function monthLabel(month: string): string {
  return monthFormatter.format(Date.parse(`${month}-01T00:00:00Z`));
}

/**
 * What was invoiced per month, one stacked bar per month with a segment per product, each month's
 * total written above its bar; then the same numbers as a table, the accessible reading of the
 * chart (the drawing is hidden from screen readers, which would read the bars as a list of shapes).
 * Credits (negative amounts) are in the table and the totals; bars stack what was charged.
 * Plain SVG: a few rectangles need no charting library, and the popup never loads this.
 */
export function SpendChart({ series, title }: { series: SpendSeries; title: string }) {
  const id = useId();
  const products = spendProducts(series);
  const fill = (product: string) => FILLS[products.indexOf(product) % FILLS.length]!;
  const charged = (amounts: Record<string, number>) => Object.values(amounts).reduce((sum, a) => sum + Math.max(0, a), 0);
  const max = Math.max(1, ...series.months.map((m) => charged(m.byProduct)));
  const step = WIDTH / series.months.length;
  const barWidth = step * 0.6;
  const scale = (HEIGHT - TOP - BOTTOM) / max;
  const money = (amount: number) => formatMoney(amount, series.currency);

  return (
    <figure class="spend-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
      </figcaption>
      {products.length ? (
        <ul class="spend-legend" aria-label="Products">
          {products.map((product) => (
            <li key={product}>
              <span class="spend-swatch" style={{ background: fill(product) }} aria-hidden="true" />
              {product}
            </li>
          ))}
        </ul>
      ) : null}
      <svg class="spend-bars" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <line x1={0} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#767d89" />
        {series.months.map((month, i) => {
          const x = i * step + (step - barWidth) / 2;
          let y = HEIGHT - BOTTOM;
          return (
            <g key={month.month}>
              {products.map((product) => {
                const amount = Math.max(0, month.byProduct[product] ?? 0);
                if (!amount) return null;
                const h = amount * scale;
                y -= h;
                return <rect key={product} x={x} y={y} width={barWidth} height={h} fill={fill(product)} />;
              })}
              <text x={x + barWidth / 2} y={y - 6} text-anchor="middle" class="spend-total">
                {month.total ? money(month.total) : ''}
              </text>
              <text x={x + barWidth / 2} y={HEIGHT - 8} text-anchor="middle" class="spend-month">
                {monthLabel(month.month).replace(/ \d{4}$/, '')}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="table-wrap">
        <table class="spend-table">
          <caption>{title}: invoiced per month by product, tax included</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {products.map((product) => (
                <th key={product} scope="col" class="num">
                  {product}
                </th>
              ))}
              <th scope="col" class="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {series.months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{monthLabel(month.month)}</th>
                {products.map((product) => (
                  <td key={product} class="num money">
                    {money(month.byProduct[product] ?? 0)}
                  </td>
                ))}
                <td class="num money">{money(month.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
