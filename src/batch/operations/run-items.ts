/**
 * The shape every one-request-per-chunk operation shares: map each input to its request entry (an
 * invalid input becomes that item's ItemInputError response, not a request), run the entries through
 * the scheduler, and put each outcome's response at its input's position.
 */
import type { OperationName, OperationTypes } from '../../../generated/operations';
import type { CallOptions, ExchangeClient } from '../../client/exchange-client';
import type { ResponseMessage } from '../../client/response-messages';
import { ItemInputError } from '../errors';
import { itemIdEntry, type BaseItemIdEntry, type ItemIdInput } from '../inputs';
import { ProgressCounter, type ProgressListener } from '../progress';
import { collectionOf, isFailure, type ServiceResponse, type ServiceResponseCollection } from '../results';
import type { ChunkScheduler, UnitOutcome } from '../scheduler';
import { answersOf } from '../answers';
import { refusalCheck, type RefusalCheck } from '../input-check';

/**
 * Options every batch call takes besides its operation's own: the request options of ExchangeClient.call
 * (but `retry`: the batch retries by its own settings, see ItemBatchesOptions) and:
 */
export interface BatchCallOptions extends Omit<CallOptions, 'retry'> {
  /** Called each time items get their final result. */
  readonly onProgress?: ProgressListener;
  /** Items per request for this call (the ItemBatches default otherwise). */
  readonly batchSize?: number;
}

export interface BatchContext {
  readonly client: ExchangeClient;
  readonly scheduler: ChunkScheduler;
}

export interface ItemJobSpec<In, Entry, R extends ServiceResponse> {
  readonly operation: OperationName;
  /** The request entry for one input; throws ItemInputError when the input cannot become one. */
  prepare(input: In): Entry;
  send(entries: Entry[], call: CallOptions): Promise<readonly ResponseMessage[]>;
  toResponse(outcome: UnitOutcome): R;
  /** Which entry the writer refuses, once a chunk could not be written (see ChunkJob.checkInput). */
  readonly refusal?: RefusalCheck<Entry>;
}

/** The operations whose request is fixed parts plus ItemIds, one entry per input id. */
export type ItemIdsOperation = 'GetItem' | 'DeleteItem' | 'SendItem' | 'MoveItem' | 'CopyItem';

/** The job of an ItemIds operation: each input becomes its id entry, sent beside the call's fixed `request` parts. */
export function itemIdsSpec<Op extends ItemIdsOperation, R extends ServiceResponse>(
  client: ExchangeClient, operation: Op,
  request: Omit<OperationTypes[Op]['requestInput'], 'ItemIds'>, toResponse: (outcome: UnitOutcome) => R,
): ItemJobSpec<ItemIdInput, BaseItemIdEntry, R> {
  return {
    operation,
    prepare: (id) => itemIdEntry(id, client.schema),
    send: (ItemIds, call) => answersOf(client, operation, { ...request, ItemIds } as OperationTypes[Op]['requestInput'], call),
    toResponse,
    refusal: refusalCheck(client, operation, (id) => ({ ...request, ItemIds: [id] }) as OperationTypes[Op]['requestInput'], 'ids', 'ItemIds'),
  };
}

export async function runItems<In, Entry, R extends ServiceResponse>(
  scheduler: ChunkScheduler, inputs: readonly In[], spec: ItemJobSpec<In, Entry, R>, options: BatchCallOptions,
): Promise<ServiceResponseCollection<R>> {
  const { onProgress, batchSize, ...call } = options;
  const progress = new ProgressCounter(inputs.length, onProgress);
  const responses = new Array<R>(inputs.length);
  const entries: Entry[] = [];
  /** positions[k]: the input index of entries[k]. */
  const positions: number[] = [];
  inputs.forEach((input, index) => {
    const entry = prepareOrReject(spec, input);
    if (entry.ok) {
      entries.push(entry.value);
      positions.push(index);
    } else {
      responses[index] = spec.toResponse(entry.rejection);
      progress.settle(true);
    }
  });
  const outcomes = await scheduler.run(
    {
      operation: spec.operation, inputs: entries, send: spec.send,
      onSettled: (_, outcome) => progress.settle(isFailure(outcome)),
      ...(spec.refusal && { checkInput: (k: number) => spec.refusal!(entries[k], positions[k]) }),
    },
    { call, batchSize },
  );
  outcomes.forEach((outcome, k) => {
    responses[positions[k]] = spec.toResponse(outcome);
  });
  return collectionOf(responses);
}

type Prepared<Entry> = { readonly ok: true; readonly value: Entry } | { readonly ok: false; readonly rejection: UnitOutcome };

/**
 * Only ItemInputError marks an input as invalid; anything else is a bug and propagates. A missing input
 * (`null`, `undefined`, a number where an item belongs) is refused before `prepare` looks into it.
 */
export function prepareOrReject<In, Entry>(spec: { prepare(input: In): Entry }, input: In): Prepared<Entry> {
  if (input === null || (typeof input !== 'object' && typeof input !== 'string')) {
    return { ok: false, rejection: { kind: 'failed', error: new ItemInputError(`not an input this operation takes: ${String(input)}`), resentAfterUnknownOutcome: false } };
  }
  try {
    return { ok: true, value: spec.prepare(input) };
  } catch (error) {
    if (!(error instanceof ItemInputError)) throw error;
    return { ok: false, rejection: { kind: 'failed', error, resentAfterUnknownOutcome: false } };
  }
}

/** Drops undefined values so optional request attributes stay absent rather than written empty. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
