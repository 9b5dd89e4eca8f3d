import type { Extension } from '../extension';
import { canRead, canWrite } from '../rights';

/** Who reads and writes which room (`server/rights.ts`), checked at connect and on every message. */
export const rights: Extension = {
  name: 'rights',
  onAuthorize: (who, room) => ({ read: canRead(who, room), write: canWrite(who, room) }),
};
