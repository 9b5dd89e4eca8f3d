import { checkChangedEntries } from '../../lib/room/room-doc';
import type { Extension } from '../extension';

/**
 * The room contract: a writer's update must leave a valid document of the room's kind (only its
 * top-level types, one Y.Map per entity, every touched entity valid against its lib schema).
 */
export const roomShape: Extension = {
  name: 'room-shape',
  onCheck({ room, touched }) {
    const check = checkChangedEntries(room.ref.kind, room.doc, touched);
    return check.ok ? undefined : { ok: false, refusal: { code: 'invalid', message: check.message } };
  },
};
