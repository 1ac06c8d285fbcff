/**
 * The iterator behind ExchangeClient.stream() and streamEntries(): the AsyncGenerator interface written
 * by hand. An async generator costs a resumption and several promise hops per `yield`; 10,000 entries
 * consumed by `for await` took 3.2 ms that way against 1.5 ms here, where an entry already read is
 * handed over as one resolved promise (bench/RESULTS.md, issues 15 and 20). It keeps what the generator
 * did: nothing is sent before the first next(); the response is fed in slices, each slice's entries
 * handed over before the next slice is read (only a slice's worth is alive at a scavenge); a failure
 * before the first entry may be retried; entries complete before the body broke off come first, then
 * the error; return() and throw() close the body, releasing its socket; calls made while one is still
 * running wait their turn, as a generator queues them.
 */

/** One attempt's response being read: what the stream needs of the client for it. */
export interface EntryAttempt<R> {
  readonly body: AsyncIterable<Buffer>;
  /** Feeds a slice of the body to the reader; the entries it completes are pushed to the stream. */
  write(slice: Buffer): void;
  /** Asked after each slice: a promise holds further reading (binary sinks that are full). */
  readonly backPressure?: () => Promise<void> | undefined;
  /** Reading failed with `error`: sinks learn it; returns what the consumer gets, and whether entries read before it stand. */
  failed(error: unknown): { readonly error: unknown; readonly entriesStand: boolean };
  /** The body ended: ends the document (an error means it stopped early); may push the last entries. */
  end(): void;
  /** The return value, once every entry was handed over; throws for a fault or a wrong body. */
  result(): R;
}

export interface EntrySource<T, R> {
  /** Sends the request and opens its response; `push` receives each entry as the reader completes it. */
  open(request: unknown, push: (entry: T) => void): Promise<EntryAttempt<R>>;
  /** Bytes fed to the reader at a time. */
  readonly sliceBytes: number;
  /** Whether a failed attempt may be retried at all: the request is kept only then. */
  readonly retries: boolean;
  /** Every error the consumer gets passes through here (credentials scrubbed). */
  scrub(error: unknown): unknown;
  /** After a failure before the first entry: resolves when to try again, or throws the final error. */
  afterFailure(error: unknown): Promise<void>;
}

const IDLE = 0;
const READING = 1;
const DONE = 2;

const CLOSED = Object.freeze({ done: true, value: undefined }) as IteratorReturnResult<never>;

/** Async generators' own prototype (with Symbol.asyncIterator, and Symbol.asyncDispose where the runtime has it). */
const ASYNC_ITERATOR_PROTOTYPE = Object.getPrototypeOf(Object.getPrototypeOf(async function* nothing() { /* empty */ }.prototype)) as object;

export class EntryStream<T, R> implements AsyncGenerator<T, R, undefined> {
  private phase = IDLE;
  /** A next(), return() or throw() is under way; later calls wait in `waiting`. */
  private running = false;
  private readonly waiting: (() => void)[] = [];
  /** Entries read and not yet handed over, from `head`. */
  private readonly ready: T[] = [];
  private head = 0;
  /** Held only while a retry may still send it (see ExchangeClient.readEntries). */
  private request: unknown;
  private handedOver = false;
  private attempt?: EntryAttempt<R>;
  /** The body's chunks, until it has ended. */
  private chunks?: AsyncIterator<Buffer>;
  private chunk?: Buffer;
  private offset = 0;
  /** A failure to report once the entries read before it are handed over. */
  private failure?: { readonly error: unknown };

  constructor(request: unknown, private readonly source: EntrySource<T, R>) {
    this.request = request;
  }

  private readonly push = (entry: T): void => {
    this.ready.push(entry);
  };

  next(): Promise<IteratorResult<T, R>> {
    if (this.running) return this.later(() => this.next());
    if (this.head < this.ready.length) return Promise.resolve(this.take());
    if (this.phase === DONE) return Promise.resolve(CLOSED);
    return this.advance();
  }

  /** Stops reading: the body is closed (its socket released) and a sink still receiving content fails. */
  return(value?: R | PromiseLike<R>): Promise<IteratorResult<T, R>> {
    if (this.running) return this.later(() => this.return(value));
    return this.exclusive(async () => {
      await this.close(new Error('the response was left before it was read to the end'));
      return { done: true, value: (await value) as R };
    });
  }

  /** As a generator thrown into while reading: the body is closed, a receiving sink fails with `error`, which rejects. */
  throw(error: unknown): Promise<IteratorResult<T, R>> {
    if (this.running) return this.later(() => this.throw(error));
    return this.exclusive(async () => {
      const wasReading = this.phase === READING;
      await this.close(error instanceof Error ? error : new Error(String(error)));
      throw wasReading ? this.source.scrub(error) : error;
    });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private take(): IteratorResult<T, R> {
    const value = this.ready[this.head++];
    if (this.head === this.ready.length) this.dropReady();
    return { done: false, value };
  }

  /** Forgets the entries read and not handed over. */
  private dropReady(): void {
    this.ready.length = 0;
    this.head = 0;
  }

  /** Reads until an entry is ready, the body ends (the return value), or a failure is final. */
  private advance(): Promise<IteratorResult<T, R>> {
    return this.exclusive(() => this.readOn());
  }

  private async readOn(): Promise<IteratorResult<T, R>> {
    this.phase = READING;
    try {
      for (;;) {
        try {
          return await this.attemptStep();
        } catch (error) {
          await this.closeBody();
          const scrubbed = this.source.scrub(error);
          // Retried only while no entry has been handed over (a second answer would repeat it).
          if (this.handedOver) throw scrubbed;
          await this.source.afterFailure(scrubbed);
          // Entries of the failed attempt never handed over (the document failed at its end) are not
          // kept: the next attempt reads them again.
          this.dropReady();
          this.attempt = undefined;
        }
      }
    } catch (error) {
      this.finish();
      throw error;
    }
  }

  private async attemptStep(): Promise<IteratorResult<T, R>> {
    if (this.failure !== undefined) {
      const { error } = this.failure;
      this.failure = undefined;
      throw error;
    }
    let attempt = this.attempt;
    if (attempt === undefined) {
      const request = this.request;
      if (!this.source.retries) this.request = undefined;
      attempt = this.attempt = await this.source.open(request, this.push);
      this.chunks = attempt.body[Symbol.asyncIterator]();
    }
    if (this.chunks !== undefined) {
      if (await this.read(attempt)) return this.handOverFirst();
      this.chunks = undefined;
      attempt.end();
      if (this.head < this.ready.length) return this.handOverFirst();
    }
    const value = attempt.result();
    this.finish();
    return { done: true, value };
  }

  private handOverFirst(): IteratorResult<T, R> {
    this.handedOver = true;
    this.request = undefined;
    return this.take();
  }

  /** Feeds the body a slice at a time until entries are ready (true) or it has ended (false). */
  private async read(attempt: EntryAttempt<R>): Promise<boolean> {
    const sliceBytes = this.source.sliceBytes;
    try {
      for (;;) {
        let chunk = this.chunk;
        if (chunk === undefined) {
          const next = await this.chunks!.next();
          if (next.done) return false;
          chunk = next.value;
          this.offset = 0;
        }
        const start = this.offset;
        const end = Math.min(start + sliceBytes, chunk.length);
        this.chunk = end < chunk.length ? chunk : undefined;
        this.offset = end;
        attempt.write(start === 0 && end === chunk.length ? chunk : chunk.subarray(start, end));
        const held = attempt.backPressure?.();
        if (held) await held;
        if (this.head < this.ready.length) return true;
      }
    } catch (error) {
      this.chunk = undefined;
      await this.closeBody();
      const { error: failure, entriesStand } = attempt.failed(error);
      // Entries complete before the break are answers: handed over first, then the failure.
      if (entriesStand && this.head < this.ready.length) {
        this.failure = { error: failure };
        return true;
      }
      this.dropReady();
      throw failure;
    }
  }

  /** Closes the body if it is still open: destroying it releases its connection. */
  private async closeBody(): Promise<void> {
    const chunks = this.chunks;
    this.chunks = undefined;
    this.chunk = undefined;
    // An error while closing a body nobody reads any more has no one to go to.
    if (chunks?.return) await chunks.return().catch(() => undefined);
  }

  /** Ends the stream early: a sink receiving content learns `reason`; nothing more is read. */
  private async close(reason: Error): Promise<void> {
    const reading = this.phase === READING;
    const attempt = this.attempt;
    this.finish();
    if (!reading) return;
    await this.closeBody();
    attempt?.failed(reason);
  }

  private finish(): void {
    this.phase = DONE;
    this.request = undefined;
    this.failure = undefined;
    this.attempt = undefined;
    this.dropReady();
  }

  private async exclusive(operation: () => Promise<IteratorResult<T, R>>): Promise<IteratorResult<T, R>> {
    this.running = true;
    try {
      return await operation();
    } finally {
      this.release();
    }
  }

  /** A call made while another runs: it starts once that one is done, in call order. */
  private later(call: () => Promise<IteratorResult<T, R>>): Promise<IteratorResult<T, R>> {
    return new Promise((resolve) => {
      this.waiting.push(() => resolve(call()));
    });
  }

  private release(): void {
    this.running = false;
    while (!this.running && this.waiting.length > 0) this.waiting.shift()!();
  }
}

Object.setPrototypeOf(EntryStream.prototype, ASYNC_ITERATOR_PROTOTYPE);
