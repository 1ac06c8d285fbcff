/**
 * exportItems: ExportItems over a stream of item ids, as a stream of (ItemId, data) records in input order.
 * Ids are read a window at a time (batchSize × concurrency by default) and sent through the batch layer's
 * scheduler (chunking, concurrency, throttling, retries of reads), so memory holds one window, however
 * many items. An item the server cannot export is a failed record, never a thrown error.
 */
import type { OperationTypes } from '../../generated/operations';
import type * as t from '../../generated/types';
import { answersOf } from '../batch/answers';
import { itemIdEntry, type ItemIdInput } from '../batch/inputs';
import type { ItemBatches } from '../batch/item-batches';
import type { BatchCallOptions } from '../batch/operations/run-items';
import type { CallOptions } from '../client/exchange-client';
import type { ResponseMessage } from '../client/response-messages';
import type { UnitOutcome } from '../batch/scheduler';
import type { SchemaSet } from '../schema/descriptors';
import type { OperationOf } from '../schema/release-types';
import { CallSinks, type FlowingSink } from '../content/sinks';
import { defaultWindowSize, windowsOf } from './windows';

export type ExportFailure = { readonly ok: false; readonly index: number; readonly input: ItemIdInput; readonly errorCode: string; readonly message: string };

export type ExportRecord =
  | { readonly ok: true; readonly index: number; readonly itemId: t.ItemIdType; readonly data: Buffer }
  | ExportFailure;

/** An item exported to its sink: `written` is what the sink resolved with (e.g. the file's length and SHA-256). */
export type ExportToRecord<W> =
  | { readonly ok: true; readonly index: number; readonly itemId: t.ItemIdType; readonly written: W }
  | ExportFailure;

/** Where one item's data goes, decoded as it arrives: `done` resolves once all of it is stored. */
export interface ExportSink<W> extends FlowingSink {
  readonly done: Promise<W>;
}

export interface BulkOptions extends Omit<BatchCallOptions, 'onProgress'> {
  /** Inputs read ahead and in flight at once; batchSize × concurrency × 2 by default. */
  readonly windowSize?: number;
}

/**
 * ExportItems is Exchange 2010 SP1's: in an SDK generated from an older release's schema it is `never`
 * (release-types.ts), and the client's version check refuses it before anything is sent.
 */
const EXPORT_ITEMS = 'ExportItems' as OperationOf<'ExportItems'>;

/** Exported items with their data in memory, each as one Buffer: see exportItemsTo for large items. */
export async function* exportItems(
  batches: ItemBatches, ids: Iterable<ItemIdInput> | AsyncIterable<ItemIdInput>, options: BulkOptions = {},
): AsyncGenerator<ExportRecord, void, undefined> {
  for await (const record of exportWith(batches, ids, undefined, options)) {
    if (!record.ok) yield record;
    else if (record.data === undefined) yield { ok: false, index: record.index, input: record.input, errorCode: 'ErrorMissingData', message: 'the answer has no Data' };
    else yield { ok: true, index: record.index, itemId: record.itemId, data: Buffer.from(record.data, 'base64') };
  }
}

/**
 * Exported items, each item's data streamed into the sink `sinkFor` opens for it as the response is read
 * (a file: `new FileSink(path)`), so no item is ever one string or Buffer in memory. A record is yielded
 * once its sink is done; a sink that failed (invalid base64, a broken response, a full disk) makes a
 * failed record, and the reading waits while a sink is backed up.
 */
export async function* exportItemsTo<W>(
  batches: ItemBatches, ids: Iterable<ItemIdInput> | AsyncIterable<ItemIdInput>,
  sinkFor: (itemId: t.ItemIdType) => ExportSink<W>, options: BulkOptions = {},
): AsyncGenerator<ExportToRecord<W>, void, undefined> {
  const opened = new WeakMap<object, ExportSink<W>>();
  const open = (owner: object): ExportSink<W> | undefined => {
    const itemId = (owner as { ItemId?: t.ItemIdType }).ItemId;
    if (itemId === undefined) return undefined;
    const sink = sinkFor(itemId);
    opened.set(owner, sink);
    return sink;
  };
  for await (const record of exportWith(batches, ids, open, options)) {
    if (!record.ok) {
      yield record;
      continue;
    }
    const sink = opened.get(record.payload);
    try {
      if (!sink) throw new Error(record.data === undefined ? 'the answer has no Data' : 'the answer carried its Data before its ItemId');
      yield { ok: true, index: record.index, itemId: record.itemId, written: await sink.done };
    } catch (error) {
      yield { ok: false, index: record.index, input: record.input, errorCode: (error as Error).name, message: (error as Error).message };
    }
  }
}

type Exported = { readonly ok: true; readonly index: number; readonly input: ItemIdInput; readonly itemId: t.ItemIdType; readonly data?: string; readonly payload: object };

async function* exportWith(
  batches: ItemBatches, ids: Iterable<ItemIdInput> | AsyncIterable<ItemIdInput>,
  open: ((owner: object) => FlowingSink | undefined) | undefined, options: BulkOptions,
): AsyncGenerator<Exported | ExportFailure, void, undefined> {
  const { client, scheduler } = batches.batchContext;
  const { windowSize, batchSize, ...call } = options;
  const window = windowSize ?? defaultWindowSize(scheduler, batchSize);
  let offset = 0;
  for await (const inputs of windowsOf(ids, window)) {
    const prepared = inputs.map((input) => exportableId(input, client.schema));
    const positions = prepared.flatMap((id, k) => (typeof id === 'string' ? [] : [k]));
    const outcomes = await scheduler.run({
      operation: 'ExportItems', inputs: positions.map((k) => prepared[k] as t.ItemIdType),
      send: (ItemIds, sendCall) => sendExport(client, ItemIds, sendCall, open),
    }, { call, batchSize });
    const byPosition = new Map(positions.map((k, n) => [k, outcomes[n]]));
    for (let k = 0; k < inputs.length; k++) {
      const refusal = prepared[k];
      yield typeof refusal === 'string'
        ? { ok: false, index: offset + k, input: inputs[k], errorCode: 'ItemInputError', message: refusal }
        : exportRecord(offset + k, inputs[k], byPosition.get(k)!);
    }
    offset += inputs.length;
  }
}

/** The t:ItemId to send, or why the input cannot be exported (ExportItems takes plain ItemIds only). */
function exportableId(input: ItemIdInput, schema: SchemaSet): t.ItemIdType | string {
  try {
    const entry = itemIdEntry(input, schema);
    if (entry.$el !== 'ItemId') return `ExportItems takes ItemIds, not ${entry.$el}`;
    const { $el: _el, ...id } = entry;
    return id as t.ItemIdType;
  } catch (error) {
    return (error as Error).message;
  }
}

/** One chunk's ExportItems; with `open`, each m:Data streams into the sink opened for its response message. */
async function sendExport(
  client: ItemBatches['batchContext']['client'], ItemIds: t.ItemIdType[], call: CallOptions, open: ((owner: object) => FlowingSink | undefined) | undefined,
): Promise<ResponseMessage[]> {
  const request = { ItemIds } as OperationTypes[typeof EXPORT_ITEMS]['request'];
  if (!open) return answersOf(client, EXPORT_ITEMS, request, call);
  const sinks = new CallSinks([DATA_ELEMENT], ({ owner }) => open(owner));
  try {
    return await answersOf(client, EXPORT_ITEMS, request, { ...call, binaryContent: sinks.options() });
  } catch (error) {
    sinks.failOpen(error);
    throw error;
  }
}

/** ExportItemsResponseMessageType's Data, as the descriptors key it. */
const DATA_ELEMENT = 'm:Data';

function exportRecord(index: number, input: ItemIdInput, outcome: UnitOutcome): Exported | ExportFailure {
  if (outcome.kind === 'failed') return { ok: false, index, input, errorCode: outcome.error.name, message: outcome.error.message };
  const message = outcome.message;
  const payload = message.payload as { ItemId?: t.ItemIdType; Data?: string };
  if (message.responseClass === 'Error' || payload.ItemId === undefined) {
    const text = message.responseClass === 'Error' ? message.messageText ?? message.responseCode : 'the answer has no ItemId';
    return { ok: false, index, input, errorCode: message.responseCode, message: text };
  }
  return { ok: true, index, input, itemId: payload.ItemId, payload, ...(payload.Data !== undefined && { data: payload.Data }) };
}
