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
import type { UnitOutcome } from '../batch/scheduler';
import type { SchemaSet } from '../schema/descriptors';
import type { OperationOf } from '../schema/release-types';
import { defaultWindowSize, windowsOf } from './windows';

export type ExportRecord =
  | { readonly ok: true; readonly index: number; readonly itemId: t.ItemIdType; readonly data: Buffer }
  | { readonly ok: false; readonly index: number; readonly input: ItemIdInput; readonly errorCode: string; readonly message: string };

export interface BulkOptions extends Omit<BatchCallOptions, 'onProgress'> {
  /** Inputs read ahead and in flight at once; batchSize × concurrency × 2 by default. */
  readonly windowSize?: number;
}

/**
 * ExportItems is Exchange 2010 SP1's: in an SDK generated from an older release's schema it is `never`
 * (release-types.ts), and the client's version check refuses it before anything is sent.
 */
const EXPORT_ITEMS = 'ExportItems' as OperationOf<'ExportItems'>;

export async function* exportItems(
  batches: ItemBatches, ids: Iterable<ItemIdInput> | AsyncIterable<ItemIdInput>, options: BulkOptions = {},
): AsyncGenerator<ExportRecord, void, undefined> {
  const { client, scheduler } = batches.batchContext;
  const { windowSize, batchSize, ...call } = options;
  const window = windowSize ?? defaultWindowSize(scheduler, batchSize);
  let offset = 0;
  for await (const inputs of windowsOf(ids, window)) {
    const prepared = inputs.map((input) => exportableId(input, client.schema));
    const positions = prepared.flatMap((id, k) => (typeof id === 'string' ? [] : [k]));
    const outcomes = await scheduler.run({
      operation: 'ExportItems', effect: 'none', inputs: positions.map((k) => prepared[k] as t.ItemIdType),
      send: (ItemIds, sendCall) => answersOf(client, EXPORT_ITEMS, { ItemIds } as OperationTypes[typeof EXPORT_ITEMS]['request'], sendCall),
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

function exportRecord(index: number, input: ItemIdInput, outcome: UnitOutcome): ExportRecord {
  if (outcome.kind === 'failed') return { ok: false, index, input, errorCode: outcome.error.name, message: outcome.error.message };
  const message = outcome.message;
  const payload = message.payload as { ItemId?: t.ItemIdType; Data?: string };
  if (message.responseClass === 'Error' || payload.ItemId === undefined || payload.Data === undefined) {
    const text = message.responseClass === 'Error' ? message.messageText ?? message.responseCode : 'the answer has no ItemId or Data';
    return { ok: false, index, input, errorCode: message.responseCode, message: text };
  }
  return { ok: true, index, itemId: payload.ItemId, data: Buffer.from(payload.Data, 'base64') };
}
