import * as z from 'zod/mini';
import { IsoDateTime } from '../schemas/dates';
import { Id } from '../org/schemas';

export const SupportRequest = z.object({
  id: Id,
  subject: z.string().check(z.minLength(1)),
  message: z.string(),
  email: z.email(),
  createdAt: IsoDateTime,
  /** Queued until a sync server accepts it. */
  status: z.enum(['queued', 'sent']),
});
export type SupportRequest = z.infer<typeof SupportRequest>;
