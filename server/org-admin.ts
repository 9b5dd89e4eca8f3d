import type * as Y from 'yjs';
import { applyChanges } from '../lib/doc/apply';
import type { Change } from '../lib/doc/change';
import { demoOrg } from '../lib/org/demo';
import { orgInvoiceNumber } from '../lib/billing/invoice';
import { checkDirectory, type RowError } from '../lib/org/directory-import';
import { demoSeed } from '../lib/org/demo-seed';
import { Product, Seller, type Organization, type Person } from '../lib/org/schemas';
import { putBillingEntity } from '../lib/room/billing-doc';
import { OrgRoomState, putOrgEntity, readOrgRoom, writeOrganization } from '../lib/room/org-doc';
import type { Role } from '../lib/org/role';
import { SignInCodes } from './codes';
import type { DirectoryFile } from './directory-csv';
import { openDb, type Db } from './db';
import { Members } from './members';
import { appendChange, loadRoomDoc } from './room-log';
import { InvoiceSequence } from './extensions/billing/invoice-sequence';
import { CardVault } from './payments/card-vault';
import { SUCCEEDING_CARD, SimulatedProcessor } from './payments/simulated-processor';
import { UpdateStore } from './storage';

export interface SignInCode {
  person: Person;
  code: string;
}

export type ImportResult = { ok: true; added: number; updated: number; codes: SignInCode[] } | { ok: false; errors: RowError[] };

const samePerson = (a: Person | undefined, b: Person) =>
  a !== undefined && a.displayName === b.displayName && a.email === b.email && a.department === b.department;

/** The catalog settings an admin may change while purchasers use the product. */
export interface ProductChanges {
  selfService?: boolean;
  maxLicenses?: number;
}

/**
 * What the CLI and first start do to organizations, straight on the data directory; a running
 * server picks the changes up from the update log.
 */
export class OrgAdmin {
  readonly store: UpdateStore;
  readonly members: Members;
  readonly codes: SignInCodes;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.store = new UpdateStore(db);
    this.members = new Members(db);
    this.codes = new SignInCodes(db);
  }

  static open(dataDir: string): OrgAdmin {
    return new OrgAdmin(openDb(dataDir));
  }

  close(): void {
    this.db.close();
  }

  org(orgId: string): OrgRoomState | undefined {
    if (this.store.count(`org/${orgId}`) === 0) return undefined;
    const parsed = OrgRoomState.safeParse(readOrgRoom(loadRoomDoc(this.store, { kind: 'org', orgId }).doc));
    return parsed.success ? parsed.data : undefined;
  }

  createOrganization(organization: Organization, catalog: readonly Product[] = []): void {
    if (this.org(organization.id)) throw new Error(`Organization ${organization.id} already exists`);
    this.changeOrg(organization.id, (doc) => {
      writeOrganization(doc, organization);
      for (const product of catalog) putOrgEntity(doc, 'catalog', product);
    });
  }

  addPerson(person: Person, role?: Role): void {
    if (!this.org(person.orgId)) throw new Error(`No organization ${person.orgId}`);
    this.changeOrg(person.orgId, (doc) => putOrgEntity(doc, 'directory', person));
    if (role) this.members.setRole(person.orgId, person.id, role);
  }

  /** Sets what a person of the directory may do; null takes every right away. */
  setRole(orgId: string, personId: string, role: Role | null): void {
    if (!this.org(orgId)?.directory[personId]) throw new Error(`No person ${personId} in ${orgId}`);
    this.members.setRole(orgId, personId, role);
  }

  /**
   * Changes settings of a catalog product. Only the fields that differ are written, so that a
   * concurrent edit of another field of the product merges instead of being overwritten.
   */
  updateProduct(orgId: string, productId: string, changes: ProductChanges): Product {
    const org = this.org(orgId);
    if (!org) throw new Error(`No organization ${orgId}`);
    const current = org.catalog[productId];
    if (!current) throw new Error(`No product ${productId} in ${orgId}`);
    const changed = Object.entries(changes).filter(([field, value]) => value !== undefined && value !== current[field as keyof Product]);
    const parsed = Product.safeParse({ ...current, ...Object.fromEntries(changed) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${productId}: ${issue.path.map(String).join('.')}: ${issue.message}`);
    }
    this.changeOrg(orgId, (doc) => {
      const map = doc.getMap<Y.Map<unknown>>('catalog').get(productId)!;
      for (const [field, value] of changed) map.set(field, value);
    });
    return parsed.data;
  }

  /**
   * Adds or updates the people of a directory file in one transaction: the checked file's people
   * whose details differ go into one update of the organization's document, their roles into the
   * members table, and (when `withCodes`) a sign-in code for each new person who may sign in. A file
   * with any bad row stores nothing and returns every error; the same file again changes nothing.
   */
  importPeople(orgId: string, file: DirectoryFile, withCodes = false): ImportResult {
    const org = this.org(orgId);
    if (!org) throw new Error(`No organization ${orgId}`);
    const check = file.ok ? checkDirectory(orgId, file.records, file.columns, org.directory) : file;
    if (!check.ok) return check;
    const roles = new Map(this.members.of(orgId).map(({ personId, role }) => [personId, role]));
    const changed = check.entries.filter(({ person }) => !samePerson(org.directory[person.id], person));
    const reroled = check.entries.filter(({ person, role }) => (roles.get(person.id) ?? null) !== role);
    const added = check.entries.filter(({ person }) => !org.directory[person.id]);
    const codes: SignInCode[] = [];
    this.db.transaction(() => {
      if (changed.length) this.changeOrg(orgId, (doc) => { for (const { person } of changed) putOrgEntity(doc, 'directory', person); });
      if (reroled.length) this.members.setRoles(orgId, reroled.map(({ person, role }) => ({ personId: person.id, role })));
      if (withCodes) for (const { person, role } of added) if (role) codes.push({ person, code: this.codes.create(orgId, person.id, this.now()) });
    })();
    return { ok: true, added: added.length, updated: new Set([...changed, ...reroled].map(({ person }) => person.id)).size - added.length, codes };
  }

  /** Sets the seller of record printed on the organization's invoices. */
  setSeller(orgId: string, seller: Seller): Seller {
    if (!this.org(orgId)) throw new Error(`No organization ${orgId}`);
    const parsed = Seller.parse(seller);
    this.changeOrg(orgId, (doc) => doc.getMap('organization').set('seller', parsed));
    return parsed;
  }

  createSignInCode(orgId: string, personId: string, ttlMs?: number): string {
    if (!this.members.roleOf(orgId, personId)) throw new Error(`${personId} has no role in ${orgId}: set one first`);
    return this.codes.create(orgId, personId, this.now(), ttlMs);
  }

  /**
   * The demo organization (lib/org/demo.ts) with its purchaser's seed data, plus an IT admin.
   * Its invoice history is the server's: written into the billing room and numbered in the
   * organization's series, like every invoice the server issues (the purchaser room never holds
   * invoices). Does nothing when it exists already; returns who signs in.
   */
  seedDemo(): { purchaser: Person; admin: Person; created: boolean } {
    const org = demoOrg();
    const admin: Person = {
      id: 'person-it-admin',
      orgId: org.organization.id,
      displayName: 'Riley Chen',
      email: `riley.chen@${org.organization.domain}`,
      department: 'IT',
    };
    if (this.org(org.organization.id)) return { purchaser: org.purchaser, admin, created: false };
    this.createOrganization(org.organization, org.catalog);
    this.changeOrg(org.organization.id, (doc) => {
      for (const person of [...org.directory, admin]) putOrgEntity(doc, 'directory', person);
    });
    this.members.setRole(org.organization.id, org.purchaser.id, 'purchaser');
    this.members.setRole(org.organization.id, admin.id, 'admin');
    const now = new Date(this.now()).toISOString();
    const seed = demoSeed(org, now);
    const orgId = org.organization.id;
    const cards = this.registerDemoCards(orgId, org.purchaser.id, seed.changes, now);
    appendChange(this.store, { kind: 'purchaser', orgId, personId: org.purchaser.id }, (doc) => applyChanges(doc, [...seed.changes, ...cards], null));
    const sequence = new InvoiceSequence(this.db);
    appendChange(this.store, { kind: 'billing', orgId, personId: org.purchaser.id }, (doc) => {
      for (const invoice of seed.invoices) {
        putBillingEntity(doc, 'invoices', invoice.id, { ...invoice, number: orgInvoiceNumber(org.organization.name, sequence.next(orgId)) });
      }
    });
    return { purchaser: org.purchaser, admin, created: true };
  }

  /**
   * The demo's seeded Visa ending 4242 is Stripe's succeeding test card. Registering it with the
   * simulated processor gives it a token (and the purchaser a reference to it), so the demo
   * purchaser's first purchase is charged instead of ending as "payment not taken".
   */
  private registerDemoCards(orgId: string, personId: string, seed: readonly Change[], now: string): Change[] {
    const processor = new SimulatedProcessor(this.db);
    const vault = new CardVault(this.db);
    return seed.flatMap((change): Change[] => {
      if (change.op !== 'put' || change.collection !== 'paymentMethods') return [];
      const { expMonth, expYear } = change.fields as { expMonth: number; expYear: number };
      const tokenized = processor.register({ number: SUCCEEDING_CARD, expMonth, expYear, securityCode: '123' }, now);
      return tokenized.ok ? [{ op: 'put', collection: 'paymentMethods', id: change.id, fields: { cardRef: vault.issue(orgId, personId, tokenized.token) } }] : [];
    });
  }

  private changeOrg(orgId: string, change: (doc: Y.Doc) => void): void {
    appendChange(this.store, { kind: 'org', orgId }, change);
  }
}
