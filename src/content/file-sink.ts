/**
 * Bytes to a file, whole or not at all: written to a temporary file beside it, fsynced, then renamed
 * into place, with the SHA-256 and length computed on the way. A failed sink leaves no file. With
 * `durability: 'caller'` it neither fsyncs the file nor its directory: the caller does so for many files
 * at once before it relies on them (syncFiles), so that fsyncs do not queue before the writes of the
 * files still arriving (they share libuv's four threads).
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { syncDirectory } from '../sync/state-store';
import type { FlowingSink } from './sinks';

export interface WrittenFile {
  readonly bytes: number;
  readonly sha256: string;
}

/** Bytes held in memory before the sink asks the reader to wait. */
const ROOM_BYTES = 1024 * 1024;

export class FileSink implements FlowingSink {
  /** Resolves once the file is in place (rejects when the content failed or the disk did). */
  readonly done: Promise<WrittenFile>;
  private readonly temporary: string;
  private readonly hash = createHash('sha256');
  private readonly handle: Promise<fs.FileHandle>;
  private queue: Buffer[] = [];
  private queued = 0;
  private bytes = 0;
  private ended = false;
  private failure: Error | undefined;
  private pumping = false;
  private room: { promise: Promise<void>; resolve: () => void } | undefined;
  private settle!: { resolve: (file: WrittenFile) => void; reject: (error: Error) => void };

  constructor(private readonly file: string, private readonly durability: 'each' | 'caller' = 'each') {
    this.temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    this.done = new Promise((resolve, reject) => { this.settle = { resolve, reject }; });
    this.done.catch(() => undefined); // the owner awaits it; a failure must not also be an unhandled rejection
    this.handle = fs.open(this.temporary, 'w');
    this.handle.catch((error: Error) => this.fail(error));
  }

  write(bytes: Buffer): void {
    if (this.failure || this.ended) return;
    this.hash.update(bytes);
    this.bytes += bytes.length;
    this.queue.push(bytes);
    this.queued += bytes.length;
    void this.pump();
  }

  end(): void {
    this.ended = true;
    void this.pump();
  }

  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.queue = [];
    this.queued = 0;
    this.releaseRoom();
    void this.discard().finally(() => this.settle.reject(error));
  }

  waitForRoom(): Promise<void> | undefined {
    if (this.queued < ROOM_BYTES || this.failure) return undefined;
    if (!this.room) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => { resolve = r; });
      this.room = { promise, resolve };
    }
    return this.room.promise;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      const handle = await this.handle;
      while (this.queue.length > 0 && !this.failure) {
        const chunk = this.queue.length === 1 ? this.queue[0] : Buffer.concat(this.queue);
        this.queue = [];
        await handle.write(chunk, 0, chunk.length);
        this.queued -= chunk.length;
        if (this.queued < ROOM_BYTES) this.releaseRoom();
      }
      if (this.ended && !this.failure && this.queue.length === 0) await this.finish(handle);
    } catch (error) {
      this.fail(error as Error);
    } finally {
      this.pumping = false;
    }
    if (this.queue.length > 0 && !this.failure) void this.pump();
  }

  private async finish(handle: fs.FileHandle): Promise<void> {
    if (this.durability === 'each') await handle.sync();
    await handle.close();
    await fs.rename(this.temporary, this.file);
    if (this.durability === 'each') await syncDirectory(path.dirname(this.file));
    this.settle.resolve({ bytes: this.bytes, sha256: this.hash.digest('hex') });
  }

  private async discard(): Promise<void> {
    try {
      await (await this.handle).close();
    } catch {
      // not opened, or closed already
    }
    await fs.rm(this.temporary, { force: true });
  }

  private releaseRoom(): void {
    const room = this.room;
    this.room = undefined;
    room?.resolve();
  }
}

/** Makes files written with `durability: 'caller'` durable: each fsynced, then their directories. */
export async function syncFiles(files: readonly string[]): Promise<void> {
  // A slice at a time: several fsyncs in flight let the file system commit them together, without
  // holding hundreds of descriptors open.
  for (let start = 0; start < files.length; start += 64) {
    await Promise.all(files.slice(start, start + 64).map(async (file) => {
      const handle = await fs.open(file, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }));
  }
  for (const directory of new Set(files.map((file) => path.dirname(file)))) await syncDirectory(directory);
}
