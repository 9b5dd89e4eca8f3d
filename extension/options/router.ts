import { useEffect, useState } from 'preact/hooks';

export type SectionKey = 'products' | 'licenses' | 'billing-accounts' | 'bills' | 'help' | 'settings';

export interface Route {
  section: SectionKey;
  /** The rest of the hash, split on '/': e.g. ['sub-1'] for #licenses/sub-1. */
  parts: string[];
}

const SECTIONS: readonly SectionKey[] = ['products', 'licenses', 'billing-accounts', 'bills', 'help', 'settings'];

export function parseHash(hash: string): Route {
  const [first, ...parts] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const section = SECTIONS.includes(first as SectionKey) ? (first as SectionKey) : 'products';
  return { section, parts: parts.filter(Boolean) };
}

export function href(section: SectionKey, ...parts: string[]): string {
  return `#${[section, ...parts].map(encodeURIComponent).join('/')}`;
}

export function navigate(section: SectionKey, ...parts: string[]) {
  location.hash = href(section, ...parts);
}

/** The current route, following hash changes (links, back/forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
