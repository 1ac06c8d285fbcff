import type { ChunkScheduler } from '../batch/scheduler';

/** Inputs held at once by default: enough to keep every request slot of the scheduler busy twice over. */
export function defaultWindowSize(scheduler: ChunkScheduler, batchSize: number | undefined): number {
  return (batchSize ?? scheduler.settings.batchSize) * scheduler.settings.concurrency * 2;
}

/** Consecutive windows of at most `size` values from a sync or async source, read lazily: only one window is held. */
export async function* windowsOf<T>(source: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[], void, undefined> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size must be a positive whole number, not ${size}`);
  let window: T[] = [];
  for await (const value of source) {
    window.push(value);
    if (window.length === size) {
      yield window;
      window = [];
    }
  }
  if (window.length > 0) yield window;
}
