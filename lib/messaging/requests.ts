import * as z from 'zod/mini';
import { FieldErrors } from '../commands/result';

export const COMMAND_NAMES = [
  'buy',
  'setLicenses',
  'assign',
  'unassign',
  'cancel',
  'reactivate',
  'addPaymentMethod',
  'editPaymentMethod',
  'replacePaymentMethod',
  'submitSupportRequest',
  'removePaymentMethod',
  'setDefaultPaymentMethod',
  'retryPayment',
  'payWithCard',
] as const;
export const CommandName = z.enum(COMMAND_NAMES);
export type CommandName = z.infer<typeof CommandName>;

/**
 * Messages from popup/options to the background. Command inputs travel as `unknown`: the command
 * validates them itself so that every bad field comes back as a field-level error.
 */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('command'), name: CommandName, input: z.unknown() }),
  /** Reverts the last command made from this device. */
  z.object({ type: z.literal('undo') }),
  /** Wipes the purchaser's local data and loads the demo organization again. */
  z.object({ type: z.literal('resetDemo') }),
  /** Wakes the background and waits until its document is loaded and projected. */
  z.object({ type: z.literal('ready') }),
  /**
   * Signs in to a sync server with a one-time code and starts syncing. Refusals come back as field
   * errors on `serverUrl` (unreachable, not a sync server) or `code` (unknown, used, expired).
   */
  z.object({ type: z.literal('signIn'), serverUrl: z.string().check(z.maxLength(2048)), code: z.string().check(z.maxLength(64)) }),
  /**
   * Forgets the tokens and disconnects. `keep`: the account's data stays on this device, read-only
   * until it signs in again; otherwise it is removed and the device shows the demo again.
   */
  z.object({ type: z.literal('signOut'), keep: z.boolean() }),
  /** Hides notices of what the server corrected (or this device undid) on this device. */
  z.object({ type: z.literal('dismissNotices'), keys: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100)) }),
  /** Renewal and expiry reminders on this device: on or off, and how many days ahead (1–60, at most three). */
  z.object({
    type: z.literal('setReminders'),
    enabled: z.boolean(),
    daysBefore: z.array(z.int().check(z.gte(1), z.lte(60))).check(z.minLength(1), z.maxLength(3)),
  }),
]);
export type Request = z.infer<typeof Request>;

export const Response = z.union([
  z.object({ ok: z.literal(true), message: z.string(), canUndo: z.boolean() }),
  z.object({ ok: z.literal(false), errors: FieldErrors }),
]);
export type Response = z.infer<typeof Response>;
