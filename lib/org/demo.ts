import type { OrgData, Person, Product } from './schemas';

const ORG_ID = 'org-northwind';
const DOMAIN = 'northwind.example';

/** [name, department]; the first person is the purchaser who runs the demo. */
const PEOPLE: readonly (readonly [string, string])[] = [
  ['Maya Okafor', 'Operations'],
  ['Liam Fischer', 'Engineering'],
  ['Priya Raman', 'Engineering'],
  ['Diego Alvarez', 'Sales'],
  ['Hannah Kowalski', 'Design'],
  ['Kenji Watanabe', 'Engineering'],
  ['Amara Nwosu', 'Marketing'],
  ['Sofia Rossi', 'Finance'],
  ['Noah Bergström', 'Support'],
  ['Fatima Haddad', 'People'],
  ['Ethan Murphy', 'Sales'],
  ['Chloé Martin', 'Design'],
  ['Arjun Mehta', 'Engineering'],
  ['Grace Liu', 'Finance'],
  ['Mateo García', 'Support'],
  ['Olivia Brown', 'Marketing'],
  ['Yusuf Demir', 'Engineering'],
  ['Isabella Costa', 'Sales'],
  ['Lucas Dubois', 'Operations'],
  ['Zara Ahmed', 'Engineering'],
  ['Henry Walsh', 'Finance'],
  ['Mei Tanaka', 'Design'],
  ['Samuel Adeyemi', 'Support'],
  ['Emma Johansson', 'People'],
  ['Omar Farouk', 'Engineering'],
  ['Lena Novak', 'Marketing'],
  ['Jack Thompson', 'Sales'],
  ['Aisha Bello', 'Operations'],
  ['Felix Wagner', 'Engineering'],
  ['Nora Lindqvist', 'Design'],
  ['Ravi Krishnan', 'Engineering'],
  ['Camila Torres', 'Support'],
  ['Owen Davies', 'Finance'],
  ['Ingrid Hansen', 'People'],
  ['Tomás Silva', 'Sales'],
  ['Hana Kim', 'Engineering'],
  ['Daniel Cohen', 'Marketing'],
  ['Leila Karimi', 'Design'],
  ['Victor Petrov', 'Operations'],
  ['Ruth Mensah', 'Finance'],
  ['Elias Weber', 'Engineering'],
  ['Ana Popescu', 'Support'],
  ['Marcus Reid', 'Sales'],
  ['Yara Haddad', 'Marketing'],
  ['Pablo Ortega', 'Engineering'],
  ['Julia Nowak', 'Operations'],
  ['Kofi Asante', 'Engineering'],
  ['Sara Lindgren', 'Design'],
  ['Ben Carter', 'Support'],
  ['Ines Moreau', 'People'],
];

const PRODUCTS: readonly Omit<Product, 'currency'>[] = [
  {
    id: 'prod-chat',
    name: 'Contoso Chat',
    description: 'Team messaging with channels, threads and video calls.',
    selfService: true,
    prices: { monthly: 1250, annual: 12_000 },
    maxLicenses: 500,
  },
  {
    id: 'prod-whiteboard',
    name: 'Tailspin Whiteboard',
    description: 'An infinite canvas for workshops and planning.',
    selfService: true,
    prices: { monthly: 800, annual: 7_680 },
    maxLicenses: 200,
  },
  {
    id: 'prod-notes',
    name: 'Litware Notes',
    description: 'Shared notebooks with offline sync.',
    selfService: true,
    prices: { monthly: 600, annual: 6_000 },
    maxLicenses: 300,
  },
  {
    id: 'prod-design',
    name: 'Fabrikam Design Studio',
    description: 'Interface design and prototyping.',
    selfService: true,
    prices: { monthly: 4_500, annual: 45_000 },
    maxLicenses: 50,
  },
  {
    id: 'prod-pdf',
    name: 'Proseware PDF Editor',
    description: 'Edit, sign and compare PDF documents.',
    selfService: true,
    prices: { monthly: 1_499, annual: 14_990 },
    maxLicenses: 100,
  },
  {
    id: 'prod-analytics',
    name: 'Adatum Analytics',
    description: 'Dashboards over the company data warehouse. Sold by contract only.',
    selfService: false,
    prices: { monthly: 9_900, annual: 99_000 },
    maxLicenses: 1_000,
  },
  {
    id: 'prod-mail',
    name: 'Woodgrove Secure Mail',
    description: 'Encrypted email with archiving. Sold by contract only.',
    selfService: false,
    prices: { monthly: 500, annual: 5_000 },
    maxLicenses: 5_000,
  },
];

function person([displayName, department]: readonly [string, string], index: number): Person {
  const local = displayName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '.');
  return {
    id: `person-${String(index + 1).padStart(2, '0')}`,
    orgId: ORG_ID,
    displayName,
    email: `${local}@${DOMAIN}`,
    department,
  };
}

/** The built-in organization the extension starts with, so every feature can be tried without a server. */
export function demoOrg(): OrgData {
  const directory = PEOPLE.map(person);
  return {
    organization: {
      id: ORG_ID,
      name: 'Northwind Labs',
      domain: DOMAIN,
      taxRateBps: 825,
      currency: 'USD',
      seller: { name: 'Relecloud Software, Inc.', address: ['1 Market Street, Suite 300', 'San Francisco, CA 94105', 'United States'], taxId: 'US 94-1234567' },
    },
    purchaser: directory[0] as Person,
    catalog: PRODUCTS.map((p) => ({ ...p, currency: 'USD' })),
    directory,
  };
}
