import { describe, expect, it } from 'vitest';
import { licensedUsersCsv } from '../../../lib/admin/licensed-users-csv';
import type { Person } from '../../../lib/org/schemas';

const person = (id: string, displayName: string, department = 'Sales'): Person => ({ id, orgId: 'org', displayName, email: `${id}@acme.example`, department });
const directory = { ann: person('ann', 'Ann Lee'), bo: person('bo', 'Bo, "the" Ek', 'R&D'), evil: person('evil', '=HYPERLINK("http://x","y")') };

describe('licensedUsersCsv', () => {
  it('writes one RFC 4180 row per license holder of the chosen subscriptions, by product then person', () => {
    const csv = licensedUsersCsv(
      [
        { purchaserName: 'Maya Okafor', subscription: { productName: 'Contoso Chat', assigned: { bo: '2026-03-01T10:00:00.000Z', ann: '2026-02-01T10:00:00.000Z' } } },
        { purchaserName: 'Liam', subscription: { productName: 'Adatum Notes', assigned: { ann: '2026-05-05T00:00:00.000Z', gone: '2026-01-01T00:00:00.000Z' } } },
      ],
      directory,
    );
    expect(csv).toBe(
      [
        'Person,Email,Department,Product,Purchaser,Assigned since',
        'Ann Lee,ann@acme.example,Sales,Adatum Notes,Liam,2026-05-05',
        'gone,,,Adatum Notes,Liam,2026-01-01',
        'Ann Lee,ann@acme.example,Sales,Contoso Chat,Maya Okafor,2026-02-01',
        '"Bo, ""the"" Ek",bo@acme.example,R&D,Contoso Chat,Maya Okafor,2026-03-01',
        '',
      ].join('\r\n'),
    );
  });

  it('writes a person whose name is a formula as inert text', () => {
    expect(licensedUsersCsv([{ purchaserName: '+1+cmd', subscription: { productName: 'Chat', assigned: { evil: '2026-01-01T00:00:00.000Z' } } }], directory)).toContain(
      `"'=HYPERLINK(""http://x"",""y"")",evil@acme.example,Sales,Chat,"'+1+cmd",2026-01-01`,
    );
  });
});
