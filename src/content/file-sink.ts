/**
 * Bytes to a file, whole or not at all: written to a temporary file beside it, fsynced, then renamed
 * into place, with the SHA-256 and length computed on the way (each byte hashed once, as it arrives;
 * the file is never read back). A failed sink leaves no file. The pieces it is given are copied into
 * blocks of a quarter megabyte that it owns and recycles: one write and one hash update per block,
 * not per network read, and no allocation per piece (so the reader may hand it memory it reuses:
 * `copies`). With `durability: 'caller'` it neither fsyncs the file nor its directory: the caller does
 * so for many files at once before it relies on them (syncFiles), so that fsyncs do not queue before
 * the writes of the files still arriving (they share libuv's four threads).
 */
import { createHash } from 'node:crypto';
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
/** A block: what one write takes (the last one of a file takes less). */
const BLOCK_BYTES = 256 * 1024;
/** Blocks kept for reuse once written: enough for the few files being written at once. */
const SPARE_BLOCKS = 32;
const spareBlocks: Buffer[] = [];

function takeBlock(): Buffer {
  return spareBlocks.pop() ?? Buffer.allocUnsafeSlow(BLOCK_BYTES);
}

function giveBack(block: Buffer): void {
  if (block.length === BLOCK_BYTES && spareBlocks.length < SPARE_BLOCKS) spareBlocks.push(block);
}

/** Temporary names differ by process and by sink: no random bytes needed per file. */
let temporaries = 0;

export class FileSink implements FlowingSink {
  /** Resolves once the file is in place (rejects when the content failed or the disk did). */
  readonly done: Promise<WrittenFile>;
  /** write() copies what it is given before it returns. */
  readonly copies = true;
  private readonly temporary: string;
  private readonly hash = createHash('sha256');
  private readonly handle: Promise<fs.FileHandle>;
  /** The block being filled, and how much of it is. */
  private block: Buffer | undefined;
  private filled = 0;
  /** Full blocks (and the last, partial one) waiting for their write, with their lengths. */
  private queue: { block: Buffer; length: number }[] = [];
  /** Bytes in `queue` or being written: what backpressure counts, with the block being filled. */
  private queued = 0;
  private bytes = 0;
  private ended = false;
  private failure: Error | undefined;
  private pumping = false;
  private room: { promise: Promise<void>; resolve: () => void } | undefined;
  private settle!: { resolve: (file: WrittenFile) => void; reject: (error: Error) => void };

  constructor(private readonly file: string, private readonly durability: 'each' | 'caller' = 'each') {
    this.temporary = `${file}.${process.pid}-${++temporaries}.tmp`;
    this.done = new Promise((resolve, reject) => { this.settle = { resolve, reject }; });
    this.done.catch(() => undefined); // the owner awaits it; a failure must not also be an unhandled rejection
    this.handle = fs.open(this.temporary, 'w');
    this.handle.catch((error: Error) => this.fail(error));
  }

  write(bytes: Buffer): void {
    if (this.failure || this.ended) return;
    // Most items are small and arrive in one piece: a copy of their own, not a block each (a page's
    // small files wait for their open together, and would take hundreds of blocks at once).
    if (this.bytes === 0 && bytes.length < BLOCK_BYTES) this.block = Buffer.allocUnsafe(bytes.length);
    this.bytes += bytes.length;
    let from = 0;
    while (from < bytes.length) {
      const block = this.block ??= takeBlock();
      const copied = bytes.copy(block, this.filled, from);
      from += copied;
      this.filled += copied;
      if (this.filled === block.length) this.seal();
    }
  }

  end(): void {
    if (this.failure || this.ended) return;
    if (this.block) this.seal();
    this.ended = true;
    void this.pump();
  }

  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    // Blocks being written are given back by pump() once their write returns.
    for (const { block } of this.queue) giveBack(block);
    if (this.block) giveBack(this.block);
    this.block = undefined;
    this.queue = [];
    this.queued = 0;
    this.releaseRoom();
    void this.discard().finally(() => this.settle.reject(error));
  }

  waitForRoom(): Promise<void> | undefined {
    if (this.queued + this.filled < ROOM_BYTES || this.failure) return undefined;
    if (!this.room) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => { resolve = r; });
      this.room = { promise, resolve };
    }
    return this.room.promise;
  }

  /** The block being filled is hashed and queued for writing. */
  private seal(): void {
    const block = this.block!;
    const length = this.filled;
    this.block = undefined;
    this.filled = 0;
    this.hash.update(length === block.length ? block : block.subarray(0, length));
    this.queue.push({ block, length });
    this.queued += length;
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      const handle = await this.handle;
      while (this.queue.length > 0 && !this.failure) {
        const blocks = this.queue;
        this.queue = [];
        const length = blocks.reduce((sum, { length }) => sum + length, 0);
        try {
          await writeAll(handle, blocks.map(({ block, length }) => (length === block.length ? block : block.subarray(0, length))), length);
        } finally {
          for (const { block } of blocks) giveBack(block);
        }
        if (this.failure) break;
        this.queued -= length;
        if (this.queued + this.filled < ROOM_BYTES) this.releaseRoom();
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

/** Writes all of `pieces` (`bytes` long) at the file's position: writev may write less than asked. */
async function writeAll(handle: fs.FileHandle, pieces: Buffer[], bytes: number): Promise<void> {
  let rest = pieces;
  let left = bytes;
  for (;;) {
    const { bytesWritten } = rest.length === 1 ? await handle.write(rest[0], 0, rest[0].length) : await handle.writev(rest);
    left -= bytesWritten;
    if (left <= 0) return;
    rest = withoutPrefix(rest, bytesWritten);
  }
}

/** The pieces after their first `bytes` bytes. */
function withoutPrefix(pieces: Buffer[], bytes: number): Buffer[] {
  let skip = bytes;
  let i = 0;
  while (skip >= pieces[i].length) skip -= pieces[i++].length;
  return [pieces[i].subarray(skip), ...pieces.slice(i + 1)];
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
