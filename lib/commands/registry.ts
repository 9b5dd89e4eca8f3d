import type { CommandName } from '../messaging/requests';
import type { PurchaserState } from '../state';
import { addPaymentMethod } from './add-payment-method';
import { assign } from './assign';
import { buy } from './buy';
import { cancel } from './cancel';
import { editPaymentMethod } from './edit-payment-method';
import { payWithCard, retryPayment } from './pay-again';
import { reactivate } from './reactivate';
import { removePaymentMethod } from './remove-payment-method';
import { replacePaymentMethod } from './replace-payment-method';
import type { CommandContext, CommandResult } from './result';
import { setDefaultPaymentMethod } from './set-default-payment-method';
import { setLicenses } from './set-licenses';
import { submitSupportRequest } from './submit-support-request';
import { unassign } from './unassign';

export type Command = (state: PurchaserState, input: unknown, ctx: CommandContext) => CommandResult;

/**
 * Every command the background runs. Errors are keyed by the input field the user filled in; ids the
 * page holds as context (subscriptionId, the edited paymentMethodId, profileId) report on `form`.
 */
export const COMMANDS: Record<CommandName, Command> = {
  buy,
  setLicenses,
  assign,
  unassign,
  cancel,
  reactivate,
  addPaymentMethod,
  editPaymentMethod,
  replacePaymentMethod,
  submitSupportRequest,
  removePaymentMethod,
  setDefaultPaymentMethod,
  retryPayment,
  payWithCard,
};
