/** A Clock whose sleeps return at once and advance virtual time, recording every wait. */
import type { Clock } from '../../../src/retry/clock';

export class VirtualClock implements Clock {
  time = 0;
  /** Every sleep asked for, in order, in milliseconds. */
  readonly sleeps: number[] = [];

  constructor(private readonly jitter = 0.5) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (!signal?.aborted) this.time += ms;
    // Yield to the event loop, as a real timer would, so other chunks get to run in between.
    await new Promise((resolve) => setImmediate(resolve));
  }

  random(): number {
    return this.jitter;
  }
}
