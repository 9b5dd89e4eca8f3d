import type { Product } from '../org/schemas';
import { plural } from '../text/plural';

// Zod-free and apart from purchase-rules.ts, which re-exports them: the popup's licenses pane runs
// these as the person types, and the popup's bundle has no room for the rest of the purchase rules.

/** Why a subscription of `product` cannot have `licenses` licenses, or undefined when it can; `verb` as the form asks. */
export function licenseLimitRefusal(product: Product, licenses: number, verb: 'buy' | 'have' = 'have'): string | undefined {
  if (licenses > product.maxLicenses) return `You can ${verb} up to ${plural(product.maxLicenses, 'license')} of ${product.name}`;
  return undefined;
}

/** Why `licenses` cannot cover `assigned` people, or undefined when it can. */
export function assignedCoverRefusal(licenses: number, assigned: number): string | undefined {
  if (licenses >= assigned) return undefined;
  const who = assigned === 1 ? '1 person has a license' : `${assigned} people have licenses`;
  return `${who}. Unassign ${assigned - licenses} of them first, or keep at least ${plural(assigned, 'license')}.`;
}
