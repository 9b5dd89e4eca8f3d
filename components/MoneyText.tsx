import { formatMoney, type Currency } from '../lib/money';

export function MoneyText({ amount, currency, suffix }: { amount: number; currency: Currency; suffix?: string }) {
  return (
    <span class="money">
      {formatMoney(amount, currency)}
      {suffix ? <span class="money-suffix"> {suffix}</span> : null}
    </span>
  );
}
