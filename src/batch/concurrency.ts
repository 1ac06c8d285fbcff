/**
 * A FIFO semaphore whose limit adapts to the server: Exchange counts concurrent requests per user
 * (EWSMaxConcurrency) and answers ErrorExceededConnectionCount / ErrorTooManyObjectsOpened when a
 * client opens too many. Each such answer lowers the limit by one (never below 1); a run of successful
 * requests raises it again by one, up to the configured maximum (additive increase, so a short spike
 * does not pin a long-lived client at one request at a time).
 */

/** Successful requests in a row after which a reduced limit grows by one. */
const SUCCESSES_PER_INCREASE = 20;

export class AdaptiveLimiter {
  private limit: number;
  private active = 0;
  private successStreak = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly maximum: number) {
    if (!Number.isInteger(maximum) || maximum < 1) throw new RangeError('concurrency must be a positive integer');
    this.limit = maximum;
  }

  /** The current limit (for diagnostics and tests). */
  get currentLimit(): number {
    return this.limit;
  }

  /**
   * Waits for a free slot. Resolves with a release function, or with `undefined` when `signal` aborted
   * first (the caller then sends nothing).
   */
  acquire(signal?: AbortSignal): Promise<(() => void) | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    if (this.active < this.limit && this.waiting.length === 0) return Promise.resolve(this.take());
    return new Promise((resolve) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.take());
      };
      const onAbort = (): void => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve(undefined);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  /** The server said we run too many requests at once. */
  reduce(): void {
    this.limit = Math.max(1, this.limit - 1);
    this.successStreak = 0;
  }

  /** A request went through without a concurrency complaint. */
  succeeded(): void {
    if (this.limit >= this.maximum || ++this.successStreak < SUCCESSES_PER_INCREASE) return;
    this.limit += 1;
    this.successStreak = 0;
    this.grantWaiting();
  }

  private take(): () => void {
    this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.grantWaiting();
    };
  }

  private grantWaiting(): void {
    while (this.active < this.limit && this.waiting.length > 0) this.waiting.shift()!();
  }
}
