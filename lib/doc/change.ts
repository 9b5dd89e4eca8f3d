import * as z from 'zod/mini';
import { Collection } from '../state';

/**
 * What a command asks of the Y.Doc: changes are field-level so that concurrent edits of one
 * entity from two devices merge instead of overwriting each other.
 */
export const Change = z.discriminatedUnion('op', [
  /** Sets the given fields of an entity, creating it when missing. */
  z.object({ op: z.literal('put'), collection: Collection, id: z.string(), fields: z.record(z.string(), z.unknown()) }),
  /** Adds or overwrites entries of a map-valued field (e.g. `assigned`). */
  z.object({
    op: z.literal('mapSet'),
    collection: Collection,
    id: z.string(),
    field: z.string(),
    entries: z.record(z.string(), z.unknown()),
  }),
  /** Removes entries of a map-valued field. */
  z.object({ op: z.literal('mapDelete'), collection: Collection, id: z.string(), field: z.string(), keys: z.array(z.string()) }),
  /** Removes a field of an entity (e.g. a cancellation undone by reactivation). */
  z.object({ op: z.literal('unset'), collection: Collection, id: z.string(), field: z.string() }),
  /** Removes a whole entity (the server undoing a purchase it cannot accept). */
  z.object({ op: z.literal('remove'), collection: Collection, id: z.string() }),
]);
export type Change = z.infer<typeof Change>;

/** Fields of these names hold maps whose entries merge one by one. */
export const MAP_FIELDS = new Set(['assigned']);
