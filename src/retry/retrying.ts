/**
 * The retry loop of one ExchangeClient request (call, open, and a stream before its first entry). What
 * is retried, and after how long, is the policy ItemBatches uses for a request that failed as a whole
 * (judgeFailure, backoffDelay): ErrorServerBusy after its BackOffMilliseconds, 429/503 after Retry-After,
 * a connection that failed before the request was sent; for reads also a request whose outcome is unknown.
 */
import { EwsAbortError } from '../client/errors';
import { EwsRetryWaitTooLongError } from './errors';
import { operationEffect, type OperationEffect } from './operations';
import type { RetrySettings } from './options';
import { backoffDelay, judgeFailure } from './policy';

export class RetryRun {
  private attempts = 0;
  private waitedMs = 0;
  private readonly effect: OperationEffect;

  /** `settings` undefined: retrying is off, every failure is final. */
  constructor(
    private readonly operation: string,
    private readonly settings: RetrySettings | undefined,
    private readonly signal?: AbortSignal,
  ) {
    this.effect = operationEffect(operation);
  }

  /** Whether any failure could be retried: used to keep what a new attempt needs (the request) only then. */
  get enabled(): boolean {
    return this.settings !== undefined && (this.effect === 'none' || this.settings.retryNonIdempotent);
  }

  /**
   * After a failed attempt: resolves when it is time for the next one, or throws what the caller gets
   * (the attempt's own error, EwsRetryWaitTooLongError, or EwsAbortError when aborted while waiting).
   */
  async afterFailure(error: unknown): Promise<void> {
    this.attempts++;
    const settings = this.settings;
    if (!settings || !this.enabled || this.signal?.aborted || error instanceof EwsAbortError) throw error;
    // Unlike ItemBatches, a call has no per-item flag to say that a delete was resent after an unknown
    // outcome (and its second answer, ErrorItemNotFound, would mislead): only reads are resent then.
    const verdict = judgeFailure(error, this.effect === 'none' ? 'none' : 'once');
    if (verdict.kind !== 'retry' || this.attempts >= settings.maxAttempts) throw error;
    const left = settings.maxTotalWaitMs - this.waitedMs;
    const wait = verdict.serverDelayMs ?? backoffDelay(this.attempts, settings, settings.clock.random());
    if (wait > left) {
      if (verdict.serverDelayMs !== undefined) throw new EwsRetryWaitTooLongError(this.operation, verdict.serverDelayMs, left, error);
      throw error;
    }
    this.waitedMs += wait;
    await settings.clock.sleep(wait, this.signal);
    // The caller gave up while waiting: nothing more was sent, and no earlier attempt of a change can
    // have acted (those are retried only after failures where the server did not act).
    if (this.signal?.aborted) throw new EwsAbortError(false);
  }
}

/**
 * Runs `attempt` until it succeeds or `run` says a failure is final; `mayRetry`, asked after a failure,
 * can make it final too (an attempt that handed something over that a second one would repeat).
 */
export async function withRetries<T>(run: RetryRun, attempt: () => Promise<T>, mayRetry?: () => boolean): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (mayRetry && !mayRetry()) throw error;
      await run.afterFailure(error);
    }
  }
}
