/**
 * uploadItems: UploadItems from a stream of exported records, as a stream of results in input order, a
 * window at a time through the batch layer's scheduler. Uploads create items, so a chunk whose outcome
 * is unknown (the connection broke after the server may have acted) is never re-sent: its items report
 * `outcomeUnknown` instead of risking duplicates.
 */
import type { OperationTypes } from '../../generated/operations';
import type * as t from '../../generated/types';
import { answersOf } from '../batch/answers';
import type { ItemBatches } from '../batch/item-batches';
import type { UnitOutcome } from '../batch/scheduler';
import type { BinarySource } from '../runtime/binary-source';
import type { NewerType, OperationOf } from '../schema/release-types';
import type { BulkOptions } from './export-items';
import { defaultWindowSize, windowsOf } from './windows';

/**
 * UploadItems is Exchange 2010 SP1's: in an SDK generated from an older release's schema these are
 * `never`/`any` (release-types.ts), and the client's version check refuses it before anything is sent.
 */
const UPLOAD_ITEMS = 'UploadItems' as OperationOf<'UploadItems'>;
type UploadItemsRequest = NewerType<OperationTypes[typeof UPLOAD_ITEMS]['request']>;
type UploadItem = UploadItemsRequest['Items'][number];

export interface UploadRecord {
  /**
   * The exported data (ExportItems' Data, decoded): a Buffer, or a source read while the request is sent
   * (`await fileSource(path)`), so that a large item is never held in memory whole.
   */
  readonly data: Buffer | BinarySource;
  readonly parentFolderId: string;
  /** CreateNew (default) adds a new item; Update replaces `itemId`; UpdateOrCreate does whichever applies. */
  readonly createAction?: UploadItem['CreateAction'];
  readonly itemId?: t.ItemIdType;
  readonly isAssociated?: boolean;
}

export interface UploadOptions extends BulkOptions {
  /**
   * Largest request to send, in bytes: items are grouped so that each UploadItems request stays under it
   * (their base64 data plus markup), and an item too large for it goes alone, so that a server's refusal
   * costs only that item. Exchange 2013 and later's default for EWS, 64 MiB, unless set; raise it with the
   * server's maxAllowedContentLength and maxReceivedMessageSize.
   */
  readonly maxRequestBytes?: number;
}

/**
 * EWS's default request limit in Exchange 2013 and later: maxAllowedContentLength and
 * maxReceivedMessageSize of 67,108,864 bytes in its web.config (Microsoft, "Configure client-specific
 * message size limits", Exchange 2013/2016).
 */
export const EXCHANGE_DEFAULT_MAX_REQUEST_BYTES = 64 * 1024 * 1024;
/** Room for an item's markup around its Data (folder and item ids, attributes), and for the envelope. */
const ITEM_MARKUP_BYTES = 1024;
const ENVELOPE_BYTES = 4096;

export type UploadResult =
  | { readonly ok: true; readonly index: number; readonly itemId: t.ItemIdType }
  | { readonly ok: false; readonly index: number; readonly errorCode: string; readonly message: string; readonly outcomeUnknown: boolean };

export async function* uploadItems(
  batches: ItemBatches, records: Iterable<UploadRecord> | AsyncIterable<UploadRecord>, options: UploadOptions = {},
): AsyncGenerator<UploadResult, void, undefined> {
  const { client, scheduler } = batches.batchContext;
  const { windowSize, batchSize, maxRequestBytes = EXCHANGE_DEFAULT_MAX_REQUEST_BYTES, ...call } = options;
  const window = windowSize ?? defaultWindowSize(scheduler, batchSize);
  let offset = 0;
  for await (const inputs of windowsOf(records, window)) {
    const entries = inputs.map(uploadEntry);
    const chunks = sizeBoundedChunks(inputs.map(requestBytesOf), batchSize ?? scheduler.settings.batchSize, maxRequestBytes);
    const outcomes = await scheduler.run({
      operation: 'UploadItems', inputs: entries, chunks,
      send: (Items, sendCall) => answersOf(client, UPLOAD_ITEMS, { Items } as OperationTypes[typeof UPLOAD_ITEMS]['request'], sendCall),
    }, { call, batchSize });
    for (let k = 0; k < outcomes.length; k++) yield uploadResult(offset + k, outcomes[k]);
    offset += inputs.length;
  }
}

/** What a record adds to a request: its data as base64 and its markup; a source of unknown size counts as unbounded. */
function requestBytesOf(record: UploadRecord): number {
  const size = Buffer.isBuffer(record.data) ? record.data.length : record.data.size;
  return size === undefined ? Number.POSITIVE_INFINITY : 4 * Math.ceil(size / 3) + ITEM_MARKUP_BYTES;
}

/**
 * Consecutive positions grouped into requests of at most `batchSize` items and `maxBytes` bytes (envelope
 * included); an item that does not fit even alone gets a request of its own.
 */
export function sizeBoundedChunks(sizes: readonly number[], batchSize: number, maxBytes: number): number[][] {
  const chunks: number[][] = [];
  let chunk: number[] = [];
  let bytes = ENVELOPE_BYTES;
  for (let position = 0; position < sizes.length; position++) {
    if (chunk.length > 0 && (chunk.length === batchSize || bytes + sizes[position] > maxBytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = ENVELOPE_BYTES;
    }
    chunk.push(position);
    bytes += sizes[position];
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

function uploadEntry(record: UploadRecord): UploadItem {
  return {
    CreateAction: record.createAction ?? 'CreateNew',
    ...(record.isAssociated !== undefined && { IsAssociated: record.isAssociated }),
    ParentFolderId: { Id: record.parentFolderId },
    ...(record.itemId && { ItemId: record.itemId }),
    // The writer encodes a Buffer or streams a source for xs:base64Binary (binary-source.ts).
    Data: record.data as unknown as string,
  };
}

function uploadResult(index: number, outcome: UnitOutcome): UploadResult {
  if (outcome.kind === 'failed') {
    return { ok: false, index, errorCode: outcome.error.name, message: outcome.error.message, outcomeUnknown: outcome.error.outcomeUnknown };
  }
  const message = outcome.message;
  const itemId = (message.payload as { ItemId?: t.ItemIdType }).ItemId;
  if (message.responseClass === 'Error' || !itemId) {
    return { ok: false, index, errorCode: message.responseCode, message: message.messageText ?? message.responseCode, outcomeUnknown: false };
  }
  return { ok: true, index, itemId };
}
