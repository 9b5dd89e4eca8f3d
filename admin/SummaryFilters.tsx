import type { FilterOption, SummaryFilter } from '../lib/admin/summary-filter';
import { EXPIRING_WITHIN_DAYS } from '../lib/admin/summary-filter';
import type { EffectiveStatus } from '../lib/subscriptions/status';
import { STATUS_LABELS } from '../components/subscription-view';

interface Props {
  filter: SummaryFilter;
  options: { products: FilterOption[]; purchasers: FilterOption[] };
  onChange(filter: SummaryFilter): void;
}

/** Search and filters; they narrow what the table shows and change nothing else. */
export function SummaryFilters({ filter, options, onChange }: Props) {
  const set = (change: Partial<SummaryFilter>) => onChange({ ...filter, ...change });
  return (
    <form class="admin-filters" role="search" aria-label="Search and filter subscriptions" onSubmit={(e) => e.preventDefault()}>
      <div class="field admin-search">
        <label class="field-label" for="filter-search">
          Search
        </label>
        <input
          id="filter-search"
          type="search"
          placeholder="Product, purchaser or user"
          value={filter.search}
          onInput={(e) => set({ search: e.currentTarget.value })}
        />
      </div>
      <Choice id="filter-product" label="Product" all="All products" value={filter.productId} options={options.products} onChange={(productId) => set({ productId })} />
      <Choice id="filter-purchaser" label="Purchaser" all="All purchasers" value={filter.purchaserId} options={options.purchasers} onChange={(purchaserId) => set({ purchaserId })} />
      <Choice
        id="filter-status"
        label="Status"
        all="All statuses"
        value={filter.status}
        options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        onChange={(status) => set({ status: status as EffectiveStatus | '' })}
      />
      <div class="check admin-expiring">
        <input id="filter-expiring" type="checkbox" checked={filter.expiringSoon} onChange={(e) => set({ expiringSoon: e.currentTarget.checked })} />
        <label for="filter-expiring">Expiring within {EXPIRING_WITHIN_DAYS} days</label>
      </div>
    </form>
  );
}

interface ChoiceProps {
  id: string;
  label: string;
  all: string;
  value: string;
  options: FilterOption[];
  onChange(value: string): void;
}

export function Choice({ id, label, all, value, options, onChange }: ChoiceProps) {
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
