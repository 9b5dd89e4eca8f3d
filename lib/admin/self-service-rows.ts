import { Product } from '../org/schemas';
import { selfServiceAllowed } from '../rules/purchase-rules';
import type { PolicyChoice } from './self-service-client';

export interface SelfServiceRow {
  productId: string;
  name: string;
  /** The admins' choice: their policy, or `default` when they set none. */
  choice: PolicyChoice;
  /** The catalog's own value, what `default` means for this product. */
  catalogAllows: boolean;
  /** Whether people may buy it themselves now, as purchasers' extensions and the server decide. */
  allowed: boolean;
}

/** The organization room's catalog, one row per valid product, by name. */
export function selfServiceRows(catalog: Record<string, unknown>): SelfServiceRow[] {
  return Object.entries(catalog)
    .flatMap(([id, value]) => {
      const parsed = Product.safeParse({ ...(value as object), id });
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((product) => ({
      productId: product.id,
      name: product.name,
      choice: product.selfServicePolicy ?? 'default',
      catalogAllows: product.selfService,
      allowed: selfServiceAllowed(product),
    }));
}
