import { EwsError } from '../client/errors';

/**
 * The server asked the client to wait (BackOffMilliseconds of ErrorServerBusy, or Retry-After) longer than
 * the call's retry settings allow (`maxTotalWaitMs`, less what it already waited): the call fails now
 * instead of waiting. `cause` is the server's answer. Retrying later is fine (`retryable`), since the
 * server did not act on a request it asked to be sent again.
 */
export class EwsRetryWaitTooLongError extends EwsError {
  override readonly name = 'EwsRetryWaitTooLongError';

  constructor(
    readonly operation: string,
    /** How long the server asked to wait. */
    readonly requestedWaitMs: number,
    /** How much waiting the call had left. */
    readonly allowedWaitMs: number,
    cause: unknown,
  ) {
    super(`${operation}: the server asked to wait ${requestedWaitMs} ms before retrying, more than the ${allowedWaitMs} ms left of the retry budget (retry.maxTotalWaitMs)`, {
      retryable: true, cause,
    });
  }
}
