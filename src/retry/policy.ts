/**
 * The one retry policy of the SDK, used by ExchangeClient's calls (retrying.ts) and by ItemBatches'
 * scheduler: which failures are worth another attempt, how long to wait, which items the server did not
 * process, whether it complains about concurrency, and the unknown-outcome rule.
 */
import {
  EwsAuthenticationError, EwsConnectionError, EwsEndpointNotFoundError, EwsError, EwsMalformedResponseError, EwsRedirectError,
  EwsSoapFaultError, EwsStrictResponseError, EwsThrottledError, EwsUnexpectedResponseError,
} from '../client/errors';
import type { ResponseMessage } from '../client/response-messages';
import type { OperationEffect } from './operations';

/**
 * Per-item codes by which Exchange says it did not touch the item: throttling, and the items after the
 * point where it stopped a batch. Only these items are sent again.
 */
const NOT_PROCESSED_CODES: ReadonlySet<string> = new Set([
  'ErrorServerBusy', 'ErrorTooManyObjectsOpened', 'ErrorExceededConnectionCount', 'ErrorBatchProcessingStopped',
]);

/** Codes by which Exchange says this user runs too many requests (or open objects) at once. */
const CONCURRENCY_CODES: ReadonlySet<string> = new Set(['ErrorExceededConnectionCount', 'ErrorTooManyObjectsOpened']);

export function wasNotProcessed(message: ResponseMessage): boolean {
  return message.responseClass === 'Error' && NOT_PROCESSED_CODES.has(message.responseCode);
}

/** True for the concurrency codes, and for a throttling answer naming the MaxConcurrency policy part. */
export function complainsAboutConcurrency(code: string | undefined, details: Readonly<Record<string, string>>): boolean {
  return (code !== undefined && CONCURRENCY_CODES.has(code)) || details.Policy === 'MaxConcurrency';
}

export type FailureVerdict =
  /** The server may have acted and the operation must not be repeated. */
  | { readonly kind: 'outcomeUnknown' }
  /** Send the same items again, after the server's delay when it named one. */
  | { readonly kind: 'retry'; readonly serverDelayMs?: number; readonly reduceConcurrency: boolean }
  /** The endpoint itself is unusable (credentials, URL, TLS): no other request of the batch can succeed. */
  | { readonly kind: 'stopBatch' }
  /** This request failed for good; other requests may still succeed. */
  | { readonly kind: 'fail' };

/**
 * Judges a request that failed as a whole. `effect` (see operations.ts): reads (`none`) and deletes
 * (`repeatable`, a repetition cannot do more than the first attempt) may be sent again when their outcome
 * is unknown; `once` operations never are.
 */
export function judgeFailure(error: unknown, effect: OperationEffect): FailureVerdict {
  if (!(error instanceof EwsError)) return { kind: 'fail' };
  // A complete answer that could not be read (or, strictly, not accepted) would be the same next time:
  // sending again fixes nothing. A read has failed; anything else may have acted.
  if (isDeterministicReadFailure(error)) return effect === 'none' ? { kind: 'fail' } : { kind: 'outcomeUnknown' };
  if (error.outcomeUnknown && effect === 'once') return { kind: 'outcomeUnknown' };
  // A fault is decided before any item is touched, so one about concurrency is safe to retry, slower.
  const tooManyAtOnce = error instanceof EwsSoapFaultError && complainsAboutConcurrency(error.responseCode, error.values);
  if (error.retryable || error.outcomeUnknown || tooManyAtOnce) {
    return { kind: 'retry', serverDelayMs: serverDelayOf(error), reduceConcurrency: tooManyAtOnce };
  }
  return endpointIsUnusable(error) ? { kind: 'stopBatch' } : { kind: 'fail' };
}

function isDeterministicReadFailure(error: EwsError): boolean {
  return (error instanceof EwsMalformedResponseError && !error.truncated) || error instanceof EwsStrictResponseError;
}

function serverDelayOf(error: EwsError): number | undefined {
  if (error instanceof EwsSoapFaultError) return error.backOffMilliseconds;
  if (error instanceof EwsThrottledError) return error.retryAfterMs;
  return undefined;
}

function endpointIsUnusable(error: EwsError): boolean {
  return error instanceof EwsAuthenticationError
    || error instanceof EwsEndpointNotFoundError
    || error instanceof EwsRedirectError
    || error instanceof EwsUnexpectedResponseError
    || error instanceof EwsConnectionError; // only non-retryable ones (TLS verification) get here
}

export interface BackoffSettings {
  /** First delay of the exponential back-off when the server names none (default 500 ms). */
  readonly initialDelayMs: number;
  /** Cap of a single exponential delay (default 30 s). */
  readonly maxDelayMs: number;
}

/**
 * The delay before retry number `retry` (1, 2…), `random` in [0, 1). "Equal jitter": half the exponential delay plus a random part of the other half, so clients that
 * failed together do not retry in lockstep, yet never retry immediately.
 */
export function backoffDelay(retry: number, settings: BackoffSettings, random: number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
