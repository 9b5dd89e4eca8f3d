import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Organization } from '../../lib/org/schemas';
import { useMeta } from './meta';

const OrganizationContext = createContext<Organization | undefined>(undefined);

/**
 * Reads the organization once per page, live, for `useOrganization` below. A pane opened later
 * (Remove licenses, Buy) then has its tax rate from its first frame instead of waiting for a live
 * query of its own.
 */
export function OrganizationProvider({ children }: { children: ComponentChildren }) {
  return <OrganizationContext.Provider value={useMeta('organization')}>{children}</OrganizationContext.Provider>;
}

/** The purchaser's organization (name, tax rate); undefined until it is read, or when none has arrived yet. */
export function useOrganization(): Organization | undefined {
  return useContext(OrganizationContext);
}
