import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { MetaKey, MetaRows, SeatkeeperDb } from '../store/db';
import { db } from './db';
import { useLiveQuery } from './use-live-query';

/** Meta rows a page read before its first render; a missing key is a row that is not there (or was not read). */
export type MetaSeed = Partial<MetaRows>;

const MetaSeedContext = createContext<{ current: MetaSeed }>({ current: {} });

/** One meta row's value, or undefined when the background has not written it. */
export async function readMeta<K extends MetaKey>(key: K, from: SeatkeeperDb = db): Promise<MetaRows[K] | undefined> {
  return (await from.meta.get(key))?.value as MetaRows[K] | undefined;
}

/**
 * Hands `seed` to the first render of `children` only, so a page can open showing its data instead of
 * a loading frame. Anything mounted later waits for its own live query: a seed is never older than
 * the page's first render. The seed is dropped from a ref, not from state: its readers use it only
 * when they mount, so dropping it must not re-render the page.
 */
export function MetaSeedProvider({ seed, children }: { seed: MetaSeed | undefined; children: ComponentChildren }) {
  const box = useRef<MetaSeed>(seed ?? {});
  useEffect(() => {
    box.current = {};
  }, []);
  return <MetaSeedContext.Provider value={box}>{children}</MetaSeedContext.Provider>;
}

/** The seeded value of one meta row at this component's mount, if its page read one. */
export function useMetaSeed<K extends MetaKey>(key: K): MetaRows[K] | undefined {
  return useContext(MetaSeedContext).current[key] as MetaRows[K] | undefined;
}

/** One meta row's value, live; starts from the page's seed when it has one. */
export function useMeta<K extends MetaKey>(key: K): MetaRows[K] | undefined {
  return useLiveQuery(() => readMeta(key), [key], useMetaSeed(key)).data;
}
