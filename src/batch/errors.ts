/**
 * Per-item errors that arise on the client side of a batch: the item never reached the server, or its
 * request as a whole failed. They are carried in the item's ServiceResponse (`error`), never thrown.
 * Each names, in `code`, the errorCode its response shows when the server gave no code of its own.
 */
import { EwsError } from '../client/errors';

import type { ClientResponseCode } from '../client/response-messages';

export type ClientErrorCode = 'ClientInvalidInput' | 'ClientOutcomeUnknown' | 'ClientAborted' | 'ClientRequestFailed' | 'ClientUnexpectedItemType' | ClientResponseCode;

export abstract class BatchItemError extends EwsError {
  abstract readonly code: ClientErrorCode;
}

/** The input for this item cannot become a request (an unknown property, a missing id…). Nothing was sent. */
export class ItemInputError extends BatchItemError {
  override readonly name = 'ItemInputError';
  readonly code = 'ClientInvalidInput';
  /** Position of the input in the caller's array, when the refusal came from writing it. */
  readonly index?: number;
  /** Where in the input the problem is, as properties from the input (`items[2].Recurrence.WeeklyRecurrence`). */
  readonly propertyPath?: string;

  constructor(message: string, where?: { readonly index: number; readonly propertyPath: string; readonly cause?: unknown }) {
    super(where ? `${where.propertyPath}: ${message}` : message, where?.cause === undefined ? {} : { cause: where.cause });
    if (where) {
      this.index = where.index;
      this.propertyPath = where.propertyPath;
    }
  }
}

/**
 * The request carrying this item reached the server but no usable answer came back (timeout, connection
 * reset after sending, a truncated response). The server may have carried it out; since creating,
 * sending, moving, copying or updating twice is not harmless, the request was not sent again.
 * Check the mailbox before retrying this item.
 */
export class ItemOutcomeUnknownError extends BatchItemError {
  override readonly name = 'ItemOutcomeUnknownError';
  readonly code = 'ClientOutcomeUnknown';

  constructor(operation: string, cause: unknown) {
    super(`${operation}: the request was sent but its outcome is unknown, so it was not sent again: ${messageOf(cause)}`, { cause });
  }
}

/** The caller's AbortSignal fired before this item's request was sent (or, for reads, before it was answered). */
export class ItemAbortedError extends BatchItemError {
  override readonly name = 'ItemAbortedError';
  readonly code = 'ClientAborted';

  constructor(operation: string) {
    super(`${operation}: aborted by the caller before this item was processed`);
  }
}

/**
 * The request carrying this item failed as a whole and the server did not act on it: a SOAP fault, an
 * HTTP or authentication failure, or throttling that outlasted the retry budget. `cause` is the request's
 * error (an EwsError subclass).
 */
export class ItemRequestFailedError extends BatchItemError {
  override readonly name = 'ItemRequestFailedError';
  readonly code = 'ClientRequestFailed';

  constructor(operation: string, cause: unknown, reason = 'the request failed') {
    super(`${operation}: ${reason}: ${messageOf(cause)}`, { cause, retryable: cause instanceof EwsError && cause.retryable });
  }
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
