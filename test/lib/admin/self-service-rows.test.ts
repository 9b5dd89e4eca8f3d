import { describe, expect, it } from 'vitest';
import { selfServiceRows } from '../../../lib/admin/self-service-rows';

const product = (name: string, selfService: boolean, selfServicePolicy?: 'allow' | 'deny') => ({
  name,
  description: '',
  selfService,
  ...(selfServicePolicy ? { selfServicePolicy } : {}),
  prices: { monthly: 100, annual: 1000 },
  currency: 'USD',
  maxLicenses: 10,
});

describe('selfServiceRows', () => {
  it('lists the catalog by name with each choice, its default and whether people may buy it', () => {
    const rows = selfServiceRows({
      'prod-notes': product('Litware Notes', true, 'deny'),
      'prod-chat': product('Contoso Chat', true),
      'prod-crm': product('Northwind CRM', false, 'allow'),
      'prod-bad': { name: 'No prices' },
    });
    expect(rows).toEqual([
      { productId: 'prod-chat', name: 'Contoso Chat', choice: 'default', catalogAllows: true, allowed: true },
      { productId: 'prod-notes', name: 'Litware Notes', choice: 'deny', catalogAllows: true, allowed: false },
      { productId: 'prod-crm', name: 'Northwind CRM', choice: 'allow', catalogAllows: false, allowed: true },
    ]);
  });
});
