import * as z from 'zod/mini';
import { Currency, MinorUnits } from '../schemas/money';

export const Id = z.string().check(z.minLength(1), z.maxLength(64));

/** Who issues the organization's invoices: the seller of record printed on them. */
export const Seller = z.object({
  name: z.string().check(z.minLength(1)),
  /** Postal address, one line each. */
  address: z.array(z.string()),
  taxId: z.optional(z.string()),
});
export type Seller = z.infer<typeof Seller>;

export const Organization = z.object({
  id: Id,
  name: z.string().check(z.minLength(1)),
  domain: z.string().check(z.minLength(1)),
  /** Sales tax applied to invoices, in basis points (825 = 8.25 %). */
  taxRateBps: z.int().check(z.gte(0), z.lte(5000)),
  currency: Currency,
  /** The seller on its invoices; without one, invoices name the organization itself. */
  seller: z.optional(Seller),
});
export type Organization = z.infer<typeof Organization>;

/** An entry in the organization's directory: someone a license can be assigned to. */
export const Person = z.object({
  id: Id,
  orgId: Id,
  displayName: z.string().check(z.minLength(1)),
  email: z.email(),
  department: z.string(),
});
export type Person = z.infer<typeof Person>;

export const Term = z.enum(['monthly', 'annual']);
export type Term = z.infer<typeof Term>;

/** What an IT admin decided about buying a product without them (Microsoft's AllowSelfServicePurchase). */
export const SelfServicePolicy = z.enum(['allow', 'deny']);
export type SelfServicePolicy = z.infer<typeof SelfServicePolicy>;

/** A catalog entry. Prices are per license per term, in minor units of the organization's currency. */
export const Product = z.object({
  id: Id,
  name: z.string().check(z.minLength(1)),
  description: z.string(),
  /** Whether the catalog offers the product for self-service purchase; the default of the admins' policy. */
  selfService: z.boolean(),
  /** The admins' policy, when they set one: it wins over `selfService`, for future purchases only. */
  selfServicePolicy: z.optional(SelfServicePolicy),
  prices: z.object({ monthly: MinorUnits, annual: MinorUnits }),
  currency: Currency,
  maxLicenses: z.int().check(z.gte(1)),
});
export type Product = z.infer<typeof Product>;

/** What the extension knows of its organization: where the catalog and directory come from. */
export const OrgData = z.object({
  organization: Organization,
  purchaser: Person,
  catalog: z.array(Product),
  directory: z.array(Person),
});
export type OrgData = z.infer<typeof OrgData>;
