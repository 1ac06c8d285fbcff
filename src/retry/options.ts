/**
 * The retry settings of ExchangeClient: the client's `retry` option, overridden per call. The same
 * back-off defaults serve ItemBatches (see ItemBatchesOptions), so one throttled user waits alike everywhere.
 */
import { systemClock, type Clock } from './clock';
import type { BackoffSettings } from './policy';

export interface RetryOptions {
  /** Attempts per request, the first included (default 5). 1 turns retrying off. */
  readonly maxAttempts?: number;
  /** First exponential back-off delay when the server names none (default 500 ms); doubles up to maxDelayMs. */
  readonly initialDelayMs?: number;
  /** Longest exponential back-off delay (default 30 s). A delay the server names is not capped by it. */
  readonly maxDelayMs?: number;
  /**
   * Total time one call may spend waiting between attempts (default 5 minutes). When the server asks for
   * a longer wait than is left, the call fails at once with EwsRetryWaitTooLongError.
   */
  readonly maxTotalWaitMs?: number;
  /**
   * Retry operations that change the mailbox (CreateItem, SendItem, MoveItem, UpdateItem,
   * CreateAttachment, DeleteItem…) too, after failures where the server did not act: ErrorServerBusy,
   * 429/503, a connection that failed before the request was sent. Off by default, since a 503 from a
   * proxy in front of Exchange may come after Exchange acted. Even then, a request whose outcome is
   * unknown (sent, but no usable answer) is never sent again for them: it might act twice, and a second
   * DeleteItem would answer ErrorItemNotFound for the item the first one deleted.
   */
  readonly retryNonIdempotent?: boolean;
  /** Time source of every wait; tests pass a virtual clock. */
  readonly clock?: Clock;
}

/** RetryOptions with every default filled in. */
export interface RetrySettings extends BackoffSettings {
  readonly maxAttempts: number;
  readonly maxTotalWaitMs: number;
  readonly retryNonIdempotent: boolean;
  readonly clock: Clock;
}

/** Back-off defaults shared with ItemBatches. */
export const DEFAULT_BACKOFF: BackoffSettings = { initialDelayMs: 500, maxDelayMs: 30_000 };
/** Total waiting allowed per call (ExchangeClient) and per batch call (ItemBatches). */
export const DEFAULT_MAX_TOTAL_WAIT_MS = 300_000;
const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * The settings of one call: the call's `retry` over the client's. `false` on either turns retrying off
 * (a call's own settings turn it on again for that call).
 */
export function retrySettings(client: RetryOptions | false | undefined, call: RetryOptions | false | undefined): RetrySettings | undefined {
  if (call === false || (client === false && call === undefined)) return undefined;
  const merged: RetryOptions = { ...(client || {}), ...call };
  const settings: RetrySettings = {
    maxAttempts: merged.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    initialDelayMs: merged.initialDelayMs ?? DEFAULT_BACKOFF.initialDelayMs,
    maxDelayMs: merged.maxDelayMs ?? DEFAULT_BACKOFF.maxDelayMs,
    maxTotalWaitMs: merged.maxTotalWaitMs ?? DEFAULT_MAX_TOTAL_WAIT_MS,
    retryNonIdempotent: merged.retryNonIdempotent ?? false,
    clock: merged.clock ?? systemClock,
  };
  checkSettings(settings);
  return settings.maxAttempts > 1 ? settings : undefined;
}

function checkSettings(settings: RetrySettings): void {
  if (!Number.isInteger(settings.maxAttempts) || settings.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be a whole number, 1 or more, not ${settings.maxAttempts}`);
  }
  for (const key of ['initialDelayMs', 'maxDelayMs', 'maxTotalWaitMs'] as const) {
    const value = settings[key];
    if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`retry.${key} must be a finite number of milliseconds, 0 or more, not ${value}`);
  }
}
