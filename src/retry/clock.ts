/**
 * Time as the retry policy sees it. Every wait (server back-off, Retry-After, exponential back-off)
 * goes through a Clock, so tests substitute a virtual one and never wait for real.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  /** Milliseconds on a monotonic-enough scale; only differences are used. */
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts. Never rejects: callers check the signal. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1) for jitter. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0 || signal?.aborted) return;
    await delay(ms, undefined, { signal }).catch(() => undefined);
  },
  random: () => Math.random(),
};
