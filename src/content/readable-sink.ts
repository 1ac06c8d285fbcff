/**
 * Bytes to a Readable the caller consumes: the reader pushes what it decodes, and waits while the
 * consumer has not taken what was pushed. A consumer that destroys the stream drops the rest of it.
 */
import { Readable } from 'node:stream';
import type { FlowingSink } from './sinks';

export class ReadableSink implements FlowingSink {
  readonly stream: Readable;
  private room: { promise: Promise<void>; resolve: () => void } | undefined;
  private full = false;

  constructor() {
    this.stream = new Readable({
      read: () => {
        this.full = false;
        const room = this.room;
        this.room = undefined;
        room?.resolve();
      },
      destroy: (error, callback) => {
        this.full = false;
        this.room?.resolve();
        this.room = undefined;
        callback(error);
      },
    });
  }

  write(bytes: Buffer): void {
    if (this.stream.destroyed) return;
    if (!this.stream.push(bytes)) this.full = true;
  }

  end(): void {
    if (!this.stream.destroyed) this.stream.push(null);
  }

  fail(error: Error): void {
    if (!this.stream.destroyed) this.stream.destroy(error);
  }

  waitForRoom(): Promise<void> | undefined {
    if (!this.full || this.stream.destroyed) return undefined;
    if (!this.room) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => { resolve = r; });
      this.room = { promise, resolve };
    }
    return this.room.promise;
  }
}
