/** Progress of one batch call: items whose result is final, out of all inputs, and how many of them failed. */

export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly errors: number;
}

export type ProgressListener = (progress: BatchProgress) => void;

export class ProgressCounter {
  private done = 0;
  private errors = 0;

  constructor(private readonly total: number, private readonly listener?: ProgressListener) {}

  /** One more item has its final result. */
  settle(failed: boolean): void {
    this.done += 1;
    if (failed) this.errors += 1;
    if (!this.listener) return;
    try {
      this.listener({ done: this.done, total: this.total, errors: this.errors });
    } catch (error) {
      // A throwing listener is a bug in the caller's code: surface it as an uncaught exception rather
      // than let it abandon a batch whose other items may already have been created.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
