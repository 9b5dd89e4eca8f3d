/**
 * `npm run cli -- <command> [options]`: manages organizations in the server's data directory. Works
 * whether or not the server runs; a running server picks the changes up within a moment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Currency } from '../lib/schemas/money';
import { Organization, Person } from '../lib/org/schemas';
import { Role } from '../lib/org/role';
import { plural } from '../lib/text/plural';
import { toCsv } from '../lib/admin/csv';
import { readDirectoryCsv } from './directory-csv';
import { OrgAdmin, type ProductChanges } from './org-admin';

const USAGE = `Usage: npm run cli -- <command> [--data .data] [options]

  create-org      --id org-acme --name "Acme" --domain acme.example [--currency USD] [--tax-bps 0]
  add-person      --org org-acme --id person-ann --name "Ann Lee" --email ann@acme.example [--department Sales] [--role purchaser|admin]
  set-role        --org org-acme --person person-ann --role purchaser|admin|none
  create-code     --org org-acme --person person-ann [--ttl-hours 24]   prints a one-time sign-in code
  import-people   --org org-acme people.csv [--codes codes.csv]   adds or updates people from a CSV
                  (columns id,name,email,department,role; role purchaser|admin|none); --codes
                  writes a one-time sign-in code for each new person with a role
  update-product  --org org-acme --product prod-chat [--self-service true|false] [--max-licenses 50]
  set-seller      --org org-acme --name "Acme Software Ltd" --address "1 Main St|Springfield, IL 62701" [--tax-id US 12-3456789]
                  the seller printed on the organization's invoices; address lines separated by |
  seed-demo       creates the demo organization with a demo purchaser and admin, prints their codes`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: '.data' },
    id: { type: 'string' },
    name: { type: 'string' },
    domain: { type: 'string' },
    currency: { type: 'string', default: 'USD' },
    'tax-bps': { type: 'string', default: '0' },
    org: { type: 'string' },
    person: { type: 'string' },
    email: { type: 'string' },
    department: { type: 'string', default: '' },
    role: { type: 'string' },
    'ttl-hours': { type: 'string', default: '24' },
    product: { type: 'string' },
    'self-service': { type: 'string' },
    'max-licenses': { type: 'string' },
    codes: { type: 'string' },
    address: { type: 'string' },
    'tax-id': { type: 'string' },
  },
});

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required`);
  return value;
}

function role(value: string): Role | null {
  return value === 'none' ? null : Role.parse(value);
}

/** The changes `update-product` asks for; a flag left out leaves its field as it is. */
function productChanges(): ProductChanges {
  const { 'self-service': selfService, 'max-licenses': maxLicenses } = values;
  if (selfService === undefined && maxLicenses === undefined) throw new Error('Give --self-service, --max-licenses or both');
  if (selfService !== undefined && selfService !== 'true' && selfService !== 'false') throw new Error('--self-service must be true or false');
  if (maxLicenses !== undefined && !/^[1-9]\d*$/.test(maxLicenses)) throw new Error('--max-licenses must be a whole number, at least 1');
  return {
    selfService: selfService === undefined ? undefined : selfService === 'true',
    maxLicenses: maxLicenses === undefined ? undefined : Number(maxLicenses),
  };
}

const admin = OrgAdmin.open(resolve(values.data));
try {
  switch (positionals[0]) {
    case 'create-org': {
      const organization = Organization.parse({
        id: required('id'),
        name: required('name'),
        domain: required('domain'),
        currency: Currency.parse(values.currency),
        taxRateBps: Number.parseInt(values['tax-bps'], 10),
      });
      admin.createOrganization(organization);
      console.log(`Created organization ${organization.id}`);
      break;
    }
    case 'add-person': {
      const person = Person.parse({
        id: required('id'),
        orgId: required('org'),
        displayName: required('name'),
        email: required('email'),
        department: values.department,
      });
      admin.addPerson(person, values.role ? (role(values.role) ?? undefined) : undefined);
      console.log(`Added ${person.displayName} (${person.id}) to ${person.orgId}${values.role ? ` as ${values.role}` : ''}`);
      break;
    }
    case 'set-role':
      admin.setRole(required('org'), required('person'), role(required('role')));
      console.log(`${values.person} in ${values.org}: ${values.role}`);
      break;
    case 'create-code': {
      const hours = Number.parseFloat(values['ttl-hours']);
      console.log(admin.createSignInCode(required('org'), required('person'), hours * 60 * 60 * 1000));
      break;
    }
    case 'import-people': {
      const path = positionals[1];
      if (!path) throw new Error('Give the CSV file: import-people --org org-acme people.csv');
      const result = admin.importPeople(required('org'), readDirectoryCsv(readFileSync(path, 'utf8')), values.codes !== undefined);
      if (!result.ok) {
        for (const { line, message } of result.errors) console.error(`${path}:${line}: ${message}`);
        throw new Error(`Nothing was imported: ${plural(result.errors.length, 'row')} to fix.`);
      }
      if (values.codes) writeFileSync(values.codes, toCsv([['id', 'name', 'email', 'code'], ...result.codes.map(({ person, code }) => [person.id, person.displayName, person.email, code])]));
      console.log(`Imported ${path} into ${values.org}: ${result.added} added, ${result.updated} updated${values.codes ? `; ${plural(result.codes.length, 'sign-in code')} in ${values.codes}` : ''}`);
      break;
    }
    case 'update-product': {
      const product = admin.updateProduct(required('org'), required('product'), productChanges());
      console.log(`${product.name} in ${values.org}: self-service ${product.selfService ? 'on' : 'off'}, up to ${plural(product.maxLicenses, 'license')}`);
      break;
    }
    case 'set-seller': {
      const seller = admin.setSeller(required('org'), {
        name: required('name'),
        address: required('address').split('|').map((line) => line.trim()).filter(Boolean),
        ...(values['tax-id'] ? { taxId: values['tax-id'] } : {}),
      });
      console.log(`Invoices of ${values.org} are issued by ${seller.name}`);
      break;
    }
    case 'seed-demo': {
      const { purchaser, admin: it, created } = admin.seedDemo();
      console.log(created ? 'Created the demo organization org-northwind.' : 'The demo organization exists already.');
      console.log(`Purchaser ${purchaser.displayName}: ${admin.createSignInCode(purchaser.orgId, purchaser.id)}`);
      console.log(`Admin ${it.displayName}: ${admin.createSignInCode(it.orgId, it.id)}`);
      break;
    }
    default:
      console.log(USAGE);
      process.exitCode = positionals[0] === undefined || positionals[0] === 'help' ? 0 : 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  admin.close();
}
