import { demoOrg } from './demo';
import type { OrgData } from './schemas';

/** Where the catalog and directory come from: the built-in demo now, the organization's room once synced. */
export interface OrgSource {
  load(): Promise<OrgData>;
}

export const demoOrgSource: OrgSource = { load: async () => demoOrg() };
