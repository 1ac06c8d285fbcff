/**
 * The chunk scheduler every batched operation shares. It splits the inputs into chunks, sends them with
 * bounded (adaptive) concurrency, and retries only what the server did not process:
 * - items answered ErrorServerBusy & co. are sent again, after the server's BackOffMilliseconds;
 * - a request refused as a whole (SOAP fault ErrorServerBusy, HTTP 429/503, a transient failure before
 *   sending) is sent again after BackOffMilliseconds / Retry-After, else an exponential back-off with
 *   jitter, within a total time budget per batch and a maximum number of retries per chunk;
 * - a request whose outcome is unknown (sent, but no usable answer) is sent again only for reads and
 *   deletes (the operation's effect, src/retry/operations.ts); otherwise each of its items gets ItemOutcomeUnknownError.
 * Every input position gets exactly one outcome; nothing here throws for a per-item or per-request failure.
 * A wait the server asks for pauses every request of this scheduler, since Exchange throttles per user.
 */
import { setMaxListeners } from 'node:events';
import type { CallOptions } from '../client/exchange-client';
import { EwsError, EwsMalformedResponseError } from '../client/errors';
import type { ResponseMessage } from '../client/response-messages';
import { XmlWriteError } from '../runtime/errors';
import { PartialAnswerError } from './answers';
import type { Clock } from '../retry/clock';
import { operationEffect, type OperationEffect } from '../retry/operations';
import { AdaptiveLimiter } from './concurrency';
import { BatchItemError, ItemAbortedError, ItemOutcomeUnknownError, ItemRequestFailedError } from './errors';
import { backoffDelay, BackoffSettings, complainsAboutConcurrency, judgeFailure, wasNotProcessed } from '../retry/policy';

export interface SchedulerSettings {
  /** Items per request (default 100). */
  readonly batchSize: number;
  /** Requests in flight at once, before the server asks for fewer (default 3). */
  readonly concurrency: number;
  /** Total time a batch call may spend waiting to retry (default 5 minutes). */
  readonly retryBudgetMs: number;
  /** Retries per chunk (default 10). */
  readonly maxRetries: number;
  readonly backoff: BackoffSettings;
  readonly clock: Clock;
}

/** The final outcome of one input: the server's response message for it, or a client-side error. */
export type UnitOutcome =
  | { readonly kind: 'answered'; readonly message: ResponseMessage; readonly resentAfterUnknownOutcome: boolean }
  | { readonly kind: 'failed'; readonly error: BatchItemError; readonly resentAfterUnknownOutcome: boolean };

export interface ChunkJob<In> {
  /**
   * The EWS operation, for error messages, and for what it does to the mailbox (operationEffect), which
   * decides what happens when a request's outcome is unknown: reads and deletes (a second attempt cannot
   * do more than the first) are sent again; creates, sends, moves, copies and updates never are.
   */
  readonly operation: string;
  readonly inputs: readonly In[];
  /** Positions sent together; consecutive runs of `batchSize` when absent. A retry sends a subset of one. */
  readonly chunks?: readonly (readonly number[])[];
  /** Sends one request and returns its response messages: one per input, in order. */
  send(inputs: In[], options: CallOptions): Promise<readonly ResponseMessage[]>;
  /** Called once per position, when its outcome is final. */
  onSettled?(position: number, outcome: UnitOutcome): void;
  /**
   * Asked only after a chunk's request could not be written (XmlWriteError, nothing sent): the input's
   * own error if the writer refuses it, so that it fails alone and the rest of the chunk is sent.
   */
  checkInput?(position: number): BatchItemError | undefined;
}

export interface RunSettings {
  readonly call: CallOptions;
  readonly batchSize?: number;
}

export class ChunkScheduler {
  readonly limiter: AdaptiveLimiter;
  /** Until when (clock time) the server asked every request to wait. */
  private resumeAt = 0;

  constructor(readonly settings: SchedulerSettings) {
    this.limiter = new AdaptiveLimiter(settings.concurrency);
  }

  /** Runs a job to the end; resolves with one outcome per input position. */
  async run<In>(job: ChunkJob<In>, run: RunSettings): Promise<UnitOutcome[]> {
    const batchSize = run.batchSize ?? this.settings.batchSize;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
    const execution = new JobExecution(this, job, run.call);
    const chunks = job.chunks ?? consecutiveChunks(job.inputs.length, batchSize);
    try {
      await Promise.all(chunks.map((chunk) => execution.process(chunk)));
    } finally {
      execution.dispose();
    }
    return execution.outcomes;
  }

  /** Every request of this scheduler waits at least `ms` from now. */
  pauseAll(ms: number): void {
    this.resumeAt = Math.max(this.resumeAt, this.settings.clock.now() + ms);
  }

  async waitForServerPause(signal?: AbortSignal): Promise<void> {
    const clock = this.settings.clock;
    while (clock.now() < this.resumeAt && !signal?.aborted) await clock.sleep(this.resumeAt - clock.now(), signal);
  }
}

function consecutiveChunks(count: number, size: number): number[][] {
  const chunks: number[][] = [];
  for (let start = 0; start < count; start += size) {
    chunks.push(Array.from({ length: Math.min(size, count - start) }, (_, i) => start + i));
  }
  return chunks;
}

/** What remains of a chunk after one attempt: the positions to send again, and why. */
interface RetryPlan {
  readonly positions: readonly number[];
  /** The server's answer for each position, when it answered "not processed". */
  readonly messages?: ReadonlyMap<number, ResponseMessage>;
  /** The request's error, when it failed as a whole. */
  readonly error?: unknown;
  readonly serverDelayMs?: number;
  /** Nothing was sent (inputs the writer refused were taken out): send the rest now, as the same attempt. */
  readonly immediately?: boolean;
}

/** What one chunk has been through, across its attempts. */
interface ChunkHistory {
  /** The error of an attempt whose outcome is unknown (a read or delete, sent again): the server may have acted. */
  unresolved?: unknown;
  /** Whether a request went out again after such an attempt. */
  resent: boolean;
}

/** The state of one `run`: outcomes, the deadline, and whether the batch was stopped. */
class JobExecution<In> {
  readonly outcomes: UnitOutcome[];
  private readonly deadline: number;
  private stopCause?: unknown;
  private readonly signal?: AbortSignal;
  private readonly call: CallOptions;
  private readonly callerSignal?: AbortSignal;
  private readonly onCallerAbort?: () => void;
  private readonly effect: OperationEffect;

  /**
   * The caller's signal gets one listener for the whole run: every waiting chunk, sleep and request
   * listens to an inner signal of ours instead, whose listener count is bounded by the chunks in the run
   * (a signal shared by 100 waiting chunks would otherwise warn of a leak, MaxListenersExceededWarning).
   */
  constructor(private readonly scheduler: ChunkScheduler, private readonly job: ChunkJob<In>, call: CallOptions) {
    this.outcomes = new Array<UnitOutcome>(job.inputs.length);
    this.deadline = scheduler.settings.clock.now() + scheduler.settings.retryBudgetMs;
    this.effect = operationEffect(job.operation);
    // The scheduler retries what the server did not process, item by item: the client must not retry too.
    this.call = { ...call, retry: false };
    if (call.signal) {
      const inner = new AbortController();
      setMaxListeners(0, inner.signal);
      this.callerSignal = call.signal;
      this.onCallerAbort = () => inner.abort(call.signal!.reason);
      if (call.signal.aborted) inner.abort(call.signal.reason);
      else call.signal.addEventListener('abort', this.onCallerAbort, { once: true });
      this.signal = inner.signal;
      this.call = { ...this.call, signal: inner.signal };
    }
  }

  dispose(): void {
    if (this.onCallerAbort) this.callerSignal!.removeEventListener('abort', this.onCallerAbort);
  }

  async process(chunk: readonly number[]): Promise<void> {
    const settings = this.scheduler.settings;
    const history: ChunkHistory = { resent: false };
    let positions = chunk;
    for (let attempts = 1; positions.length > 0; attempts++) {
      const plan = await this.attempt(positions, history);
      if (!plan || plan.positions.length === 0) return;
      if (plan.immediately) {
        attempts--;
        positions = plan.positions;
        continue;
      }
      if (isOutcomeUnknown(plan.error)) history.unresolved = plan.error;
      const wait = plan.serverDelayMs ?? backoffDelay(attempts, settings.backoff, settings.clock.random());
      if (attempts > settings.maxRetries || settings.clock.now() + wait > this.deadline) {
        return this.giveUp(plan, history, attempts);
      }
      // A server-named delay was already applied to every request (see attempt); others sleep here.
      if (plan.serverDelayMs === undefined) await settings.clock.sleep(wait, this.signal);
      positions = plan.positions;
    }
  }

  /** Sends the positions once; settles what is final and returns what may be retried. */
  private async attempt(positions: readonly number[], history: ChunkHistory): Promise<RetryPlan | undefined> {
    if (this.stopCause !== undefined) return this.settleAll(positions, this.notSent(history));
    const release = await this.scheduler.limiter.acquire(this.signal);
    if (!release) return this.settleAll(positions, this.notSent(history));
    try {
      const plan = await this.sendAndJudge(positions, history);
      // Before the slot is released, so that no other request slips out before the pause begins.
      if (plan?.serverDelayMs !== undefined) this.scheduler.pauseAll(plan.serverDelayMs);
      return plan;
    } finally {
      release();
    }
  }

  private async sendAndJudge(positions: readonly number[], history: ChunkHistory): Promise<RetryPlan | undefined> {
    await this.scheduler.waitForServerPause(this.signal);
    if (this.signal?.aborted || this.stopCause !== undefined) return this.settleAll(positions, this.notSent(history));
    if (history.unresolved !== undefined) history.resent = true;
    let messages: readonly ResponseMessage[];
    try {
      messages = await this.send(positions);
    } catch (error) {
      if (error instanceof XmlWriteError && this.job.checkInput) return this.withoutRefusedInputs(positions, error, history);
      if (error instanceof PartialAnswerError && error.messages.length < positions.length) return this.afterPartialAnswer(positions, error, history);
      return this.afterFailure(positions, error instanceof PartialAnswerError ? error.cause : error, history);
    }
    return this.afterResponse(positions, messages, history);
  }

  /** The request could not be written: each input the writer refuses fails alone; the others go out at once. */
  private withoutRefusedInputs(positions: readonly number[], error: XmlWriteError, history: ChunkHistory): RetryPlan | undefined {
    const rest: number[] = [];
    for (const position of positions) {
      const refusal = this.job.checkInput!(position);
      if (refusal) this.settle(position, failed(refusal, history));
      else rest.push(position);
    }
    // No input is at fault alone: the request's own parts are (a folder, a shape), so it fails as a whole.
    if (rest.length === positions.length) return this.afterFailure(positions, error, history);
    return rest.length > 0 ? { positions: rest, immediately: true } : undefined;
  }

  /**
   * The response broke off after the answers for the first items: those are answered (never "outcome
   * unknown"), and only the rest is judged by the failure.
   */
  private afterPartialAnswer(positions: readonly number[], partial: PartialAnswerError, history: ChunkHistory): RetryPlan | undefined {
    const answered = partial.messages.length;
    const first = this.afterResponse(positions.slice(0, answered), partial.messages, history);
    const rest = this.afterFailure(positions.slice(answered), partial.cause, history);
    if (!rest) return first.positions.length > 0 ? first : undefined;
    const messages = new Map([...(first.messages ?? []), ...(rest.messages ?? [])]);
    const delays = [first.serverDelayMs, rest.serverDelayMs].filter((ms): ms is number => ms !== undefined);
    return {
      positions: [...first.positions, ...rest.positions], messages, error: rest.error,
      ...(delays.length > 0 && { serverDelayMs: Math.max(...delays) }),
    };
  }

  private async send(positions: readonly number[]): Promise<readonly ResponseMessage[]> {
    const messages = await this.job.send(positions.map((p) => this.job.inputs[p]), this.call);
    if (messages.length !== positions.length) {
      // Answers cannot be matched to items by position: as unknown as a truncated response.
      throw new EwsMalformedResponseError(`${this.job.operation}: ${positions.length} items sent, ${messages.length} response messages received`);
    }
    return messages;
  }

  private afterResponse(positions: readonly number[], messages: readonly ResponseMessage[], history: ChunkHistory): RetryPlan {
    const notProcessed = new Map<number, ResponseMessage>();
    let serverDelayMs: number | undefined;
    let tooManyAtOnce = false;
    messages.forEach((message, i) => {
      if (!wasNotProcessed(message)) return this.settle(positions[i], { kind: 'answered', message, resentAfterUnknownOutcome: history.resent });
      notProcessed.set(positions[i], message);
      if (message.backOffMilliseconds !== undefined) serverDelayMs = Math.max(serverDelayMs ?? 0, message.backOffMilliseconds);
      tooManyAtOnce ||= complainsAboutConcurrency(message.responseCode, message.messageXml);
    });
    if (tooManyAtOnce) this.scheduler.limiter.reduce();
    else this.scheduler.limiter.succeeded();
    return { positions: [...notProcessed.keys()], messages: notProcessed, serverDelayMs };
  }

  private afterFailure(positions: readonly number[], error: unknown, history: ChunkHistory): RetryPlan | undefined {
    const operation = this.job.operation;
    const unknown = (): UnitOutcome => failed(new ItemOutcomeUnknownError(operation, error), history);
    if (this.signal?.aborted) {
      return this.settleAll(positions, isOutcomeUnknown(error) && this.effect !== 'none' ? unknown : this.notSent(history));
    }
    const verdict = judgeFailure(error, this.effect);
    switch (verdict.kind) {
      case 'outcomeUnknown':
        return this.settleAll(positions, unknown);
      case 'stopBatch':
        this.stopCause = error;
        return this.settleAll(positions, () => failed(new ItemRequestFailedError(operation, error), history));
      case 'fail':
        return this.settleAll(positions, () => failed(new ItemRequestFailedError(operation, error), history));
      case 'retry':
        if (verdict.reduceConcurrency) this.scheduler.limiter.reduce();
        return { positions, error, serverDelayMs: verdict.serverDelayMs };
    }
  }

  /**
   * Retries are exhausted: each item keeps the server's last answer, or the request's last error; but
   * after a delete attempt with an unknown outcome, the outcome stays unknown.
   */
  private giveUp(plan: RetryPlan, history: ChunkHistory, attempts: number): void {
    const operation = this.job.operation;
    const mayHaveActed = this.mayHaveActed(history);
    const error = mayHaveActed
      ? new ItemOutcomeUnknownError(operation, history.unresolved)
      : new ItemRequestFailedError(operation, plan.error, `gave up after ${attempts} attempts within the retry budget`);
    for (const position of plan.positions) {
      const message = mayHaveActed ? undefined : plan.messages?.get(position);
      this.settle(position, message ? { kind: 'answered', message, resentAfterUnknownOutcome: history.resent } : failed(error, history));
    }
  }

  /**
   * The outcome of items that will not be sent (again): aborted by the caller, or the batch stopped. If
   * an earlier attempt's outcome is unknown, that is what they report.
   */
  private notSent(history: ChunkHistory): () => UnitOutcome {
    const operation = this.job.operation;
    return () => {
      if (this.mayHaveActed(history)) return failed(new ItemOutcomeUnknownError(operation, history.unresolved), history);
      if (this.signal?.aborted) return failed(new ItemAbortedError(operation), history);
      return failed(new ItemRequestFailedError(operation, this.stopCause, 'not sent, since an earlier request of this batch failed'), history);
    };
  }

  /** Whether an earlier attempt, whose outcome is unknown, may have changed the mailbox. */
  private mayHaveActed(history: ChunkHistory): boolean {
    return history.unresolved !== undefined && this.effect !== 'none';
  }

  private settleAll(positions: readonly number[], outcome: () => UnitOutcome): undefined {
    for (const position of positions) this.settle(position, outcome());
    return undefined;
  }

  private settle(position: number, outcome: UnitOutcome): void {
    this.outcomes[position] = outcome;
    this.job.onSettled?.(position, outcome);
  }
}

function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof EwsError && error.outcomeUnknown;
}

function failed(error: BatchItemError, history: ChunkHistory): UnitOutcome {
  return { kind: 'failed', error, resentAfterUnknownOutcome: history.resent };
}
