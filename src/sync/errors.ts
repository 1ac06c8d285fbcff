/** Errors of syncing: the server refused a sync with something other than an expired state. */
import { EwsError, isTransientResponseCode } from '../client/errors';
import type { ResponseMessage } from '../client/response-messages';

export class EwsSyncError extends EwsError {
  override readonly name = 'EwsSyncError';
  readonly responseCode: string;
  readonly messageText?: string;

  constructor(operation: string, folder: string, message: ResponseMessage) {
    const text = message.messageText === undefined ? '' : `: ${message.messageText}`;
    super(`${operation} of ${folder} failed with ${message.responseCode}${text}`, {
      retryable: message.backOffMilliseconds !== undefined || isTransientResponseCode(message.responseCode),
    });
    this.responseCode = message.responseCode;
    if (message.messageText !== undefined) this.messageText = message.messageText;
  }
}

/** A well-formed answer that cannot be followed (more changes announced, but the state did not move). */
export class UnexpectedSyncResponseError extends EwsError {
  override readonly name = 'UnexpectedSyncResponseError';

  constructor(reason: string) {
    super(`Unexpected sync response: ${reason}`, { outcomeUnknown: false });
  }
}

/** The options cannot work (a store without a mailbox to file it under); nothing was sent. */
export class InvalidSyncOptionsError extends EwsError {
  override readonly name = 'InvalidSyncOptionsError';
}
