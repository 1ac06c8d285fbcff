/**
 * What keeps a subscription going: exponential back-off with jitter between reconnects, and the
 * heartbeat watchdog that notices a connection gone silent (a dead peer often sends no reset).
 * Timers are injectable so that tests step time themselves instead of waiting on the wall clock.
 */
import { systemClock, type Clock } from '../retry/clock';

export interface BackOffOptions {
  /** First delay; 500 ms by default. */
  readonly initialMs?: number;
  /** Longest delay; 60 s by default. */
  readonly maxMs?: number;
}

/** The delay before reconnect attempt `attempt` (1-based): doubling from `initialMs`, capped, with ±20% jitter. */
export function backOffDelay(attempt: number, options: BackOffOptions = {}, clock: Clock = systemClock): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 60_000;
  const base = Math.min(max, initial * 2 ** Math.min(attempt - 1, 30));
  return Math.round(base * (0.8 + 0.4 * clock.random()));
}

/** The one-shot timers the watchdog uses; Node's by default. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Calls `onSilence` when `feed()` was not called for `missedHeartbeats` heartbeat intervals: with
 * the default of 2, a connection that goes silent is noticed within two heartbeats of its last sign
 * of life. Every byte counts as a sign of life, not only whole heartbeat envelopes.
 */
export class HeartbeatWatchdog {
  private handle: unknown;
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly onSilence: () => void,
    private readonly timers: Timers = nodeTimers,
    private readonly missedHeartbeats = 2,
  ) {
    this.arm();
  }

  feed(): void {
    if (this.stopped) return;
    this.timers.clearTimeout(this.handle);
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearTimeout(this.handle);
  }

  private arm(): void {
    this.handle = this.timers.setTimeout(() => {
      if (this.stopped) return;
      this.stopped = true;
      this.onSilence();
    }, this.intervalMs * this.missedHeartbeats);
  }
}
