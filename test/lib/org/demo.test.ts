import { describe, expect, it } from 'vitest';
import { demoOrg } from '../../../lib/org/demo';
import { OrgData } from '../../../lib/org/schemas';

describe('demoOrg', () => {
  const org = demoOrg();

  it('matches the OrgData schema', () => {
    expect(OrgData.safeParse(org).success).toBe(true);
  });

  it('has about fifty people of the organization with unique ids and emails', () => {
    expect(org.directory).toHaveLength(50);
    expect(new Set(org.directory.map((p) => p.id)).size).toBe(50);
    expect(new Set(org.directory.map((p) => p.email)).size).toBe(50);
    expect(org.directory.every((p) => p.orgId === org.organization.id && p.email.endsWith('@northwind.example'))).toBe(true);
    expect(org.directory.find((p) => p.displayName === 'Noah Bergström')?.email).toBe('noah.bergstrom@northwind.example');
  });

  it('has a purchaser from the directory', () => {
    expect(org.directory).toContainEqual(org.purchaser);
  });

  it('sells self-service and contract-only products in the organization currency', () => {
    expect(org.catalog.length).toBeGreaterThanOrEqual(6);
    expect(org.catalog.some((p) => !p.selfService)).toBe(true);
    expect(org.catalog.every((p) => p.currency === org.organization.currency)).toBe(true);
  });

  it('returns a fresh copy each time, so callers cannot change the built-in data', () => {
    demoOrg().directory.pop();
    expect(demoOrg().directory).toHaveLength(50);
  });
});
