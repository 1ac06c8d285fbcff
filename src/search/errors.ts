/**
 * Errors of searching. A search is all-or-nothing: a folder the server could not search fails the
 * call (unlike batch operations, where one item's error is data). Local checks fail before sending.
 */
import { EwsError, isTransientResponseCode } from '../client/errors';
import type { ResponseMessage } from '../client/response-messages';

/** The search as asked cannot be sent (a limit Exchange enforces, a constant of the wrong kind); nothing was sent. */
export class InvalidSearchError extends EwsError {
  override readonly name: string = 'InvalidSearchError';
}

/**
 * More sort fields than Exchange accepts. Exchange Online fails such a query with ErrorInternalServerError
 * ("This query contains too many sort columns … 4 sort columns for a grouped query"), so it is refused here.
 */
export class TooManySortFieldsError extends InvalidSearchError {
  override readonly name = 'TooManySortFieldsError';

  constructor(readonly count: number, readonly max: number) {
    super(`A grouped search accepts at most ${max} sort fields; ${count} were given`);
  }
}

/** The server answered the search of one parent folder with ResponseClass="Error". */
export class EwsSearchError extends EwsError {
  override readonly name = 'EwsSearchError';
  readonly responseCode: string;
  readonly messageText?: string;
  readonly backOffMilliseconds?: number;
  /** Position of the failed folder among the parent folders of the request. */
  readonly folderIndex: number;

  constructor(message: ResponseMessage, folderIndex: number) {
    const text = message.messageText === undefined ? '' : `: ${message.messageText}`;
    super(`The search of parent folder ${folderIndex} failed with ${message.responseCode}${text}`, {
      retryable: message.backOffMilliseconds !== undefined || isTransientResponseCode(message.responseCode),
    });
    this.responseCode = message.responseCode;
    if (message.messageText !== undefined) this.messageText = message.messageText;
    if (message.backOffMilliseconds !== undefined) this.backOffMilliseconds = message.backOffMilliseconds;
    this.folderIndex = folderIndex;
  }
}

/** A well-formed response that does not answer the search that was sent (wrong shape, paging that does not advance). */
export class UnexpectedSearchResponseError extends EwsError {
  override readonly name = 'UnexpectedSearchResponseError';

  constructor(reason: string) {
    super(`Unexpected search response: ${reason}`, { outcomeUnknown: false });
  }
}
