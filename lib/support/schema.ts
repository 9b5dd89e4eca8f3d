import * as z from 'zod/mini';
import { IsoDateTime } from '../schemas/dates';
import { Id } from '../org/schemas';

/**
 * Where a request is: `queued` on the purchaser's devices until a sync server receives it,
 * `received` once the server has put it into the organization's support inbox, `handled` once an
 * IT admin marked it handled there. Only the server moves a request past `queued`.
 */
export const SupportRequestStatus = z.enum(['queued', 'received', 'handled']);
export type SupportRequestStatus = z.infer<typeof SupportRequestStatus>;

export const SupportRequest = z.object({
  id: Id,
  subject: z.string().check(z.minLength(1)),
  message: z.string(),
  email: z.email(),
  createdAt: IsoDateTime,
  status: SupportRequestStatus,
  /** When the server received it (the server's clock); set with `received`. */
  receivedAt: z.optional(IsoDateTime),
  /** When an IT admin marked it handled (the server's clock); set with `handled`. */
  handledAt: z.optional(IsoDateTime),
});
export type SupportRequest = z.infer<typeof SupportRequest>;
