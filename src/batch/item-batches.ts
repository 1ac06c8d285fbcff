/**
 * ItemBatches: the batched item operations of the EWS Managed API (CreateItems, BindToItems, UpdateItems,
 * DeleteItems, MoveItems, CopyItems, SendItems) over one ExchangeClient, with per-item results,
 * automatic chunking, bounded concurrency, throttling and safe retries (see scheduler.ts).
 *
 * Create one per client: its concurrency limit and any server-requested pause are shared by all its
 * calls, as Exchange's throttling budget is shared by all requests of the user. Its retries follow the
 * client's policy (src/retry/) item by item, with its own limits below; the client's `retry` option does
 * not apply to the requests it sends.
 */
import type { ExchangeClient } from '../client/exchange-client';
import { systemClock, type Clock } from '../retry/clock';
import { DEFAULT_BACKOFF, DEFAULT_MAX_TOTAL_WAIT_MS } from '../retry/options';
import type { CreateItemResponse, CreateItemsOptions, NewItem } from './operations/create-items';
import type { DeleteItemsOptions } from './operations/delete-items';
import type { GetItemsOptions } from './operations/get-items';
import type { ItemKind, ItemResponseOf } from './operations/item-kinds';
import type { ItemChange } from './operations/item-changes';
import type { MoveCopyItemsOptions } from './operations/move-copy-items';
import type { BatchContext } from './operations/run-items';
import type { SendItemsOptions } from './operations/send-items';
import type { UpdateItemResponse, UpdateItemsOptions } from './operations/update-items';
import type { FolderRef, ItemIdInput, PropertySet } from './inputs';
import type { ItemResponse, ServiceResponse, ServiceResponseCollection } from './results';
import { ChunkScheduler } from './scheduler';
import { onFirstUse } from '../schema/on-first-use';

export interface ItemBatchesOptions {
  /** Items per request (default 100, the Managed API's customary batch). */
  readonly batchSize?: number;
  /** Requests in flight at once (default 3); lowered while the server complains about concurrency. */
  readonly concurrency?: number;
  /** Total time one call may spend waiting to retry (default 5 minutes). */
  readonly retryBudgetMs?: number;
  /** Retries per chunk (default 10). */
  readonly maxRetries?: number;
  /** First exponential back-off delay when the server names none (default 500 ms); doubles up to maxBackoffMs. */
  readonly initialBackoffMs?: number;
  /** Longest single exponential back-off delay (default 30 s). */
  readonly maxBackoffMs?: number;
  /** Time source for every wait; tests pass a virtual clock. */
  readonly clock?: Clock;
}

/**
 * Each operation's module is required on its first call: a program that only deletes items should not
 * load (and compile) creating, updating, moving and sending them. Loading all of them was 24 ms of CPU
 * of a cold process's first deleteItems, the modules DeleteItem needs 8 (bench/RESULTS.md, issue 15).
 */
const operations = {
  create: onFirstUse<typeof import('./operations/create-items')>(() => require('./operations/create-items')),
  get: onFirstUse<typeof import('./operations/get-items')>(() => require('./operations/get-items')),
  update: onFirstUse<typeof import('./operations/update-items')>(() => require('./operations/update-items')),
  delete: onFirstUse<typeof import('./operations/delete-items')>(() => require('./operations/delete-items')),
  moveOrCopy: onFirstUse<typeof import('./operations/move-copy-items')>(() => require('./operations/move-copy-items')),
  send: onFirstUse<typeof import('./operations/send-items')>(() => require('./operations/send-items')),
};

export class ItemBatches {
  private readonly context: BatchContext;

  constructor(readonly client: ExchangeClient, options: ItemBatchesOptions = {}) {
    const scheduler = new ChunkScheduler({
      batchSize: options.batchSize ?? 100,
      concurrency: options.concurrency ?? 3,
      retryBudgetMs: options.retryBudgetMs ?? DEFAULT_MAX_TOTAL_WAIT_MS,
      maxRetries: options.maxRetries ?? 10,
      backoff: { initialDelayMs: options.initialBackoffMs ?? DEFAULT_BACKOFF.initialDelayMs, maxDelayMs: options.maxBackoffMs ?? DEFAULT_BACKOFF.maxDelayMs },
      clock: options.clock ?? systemClock,
    });
    this.context = { client, scheduler };
  }

  /** The client and the shared scheduler: for layers that send their own operations within these batches' limits (bulk export and import). */
  get batchContext(): BatchContext {
    return this.context;
  }

  /** The concurrency limit now in force (lower than configured after the server asked for fewer requests). */
  get concurrency(): number {
    return this.context.scheduler.limiter.currentLimit;
  }

  /** Creates items of any kind; attachments are added with CreateAttachment after each item is created. */
  createItems(items: readonly NewItem[], options: CreateItemsOptions = {}): Promise<ServiceResponseCollection<CreateItemResponse>> {
    return operations.create.createItems(this.context, items, options);
  }

  /**
   * Reads items with one property set (AllProperties by default). With `itemType: 'CalendarItem'` the
   * responses carry calendar items (`r.item?.Start` needs no cast); an item of another kind is an error.
   */
  getItems<K extends ItemKind>(ids: readonly ItemIdInput[], propertySet: PropertySet, options: GetItemsOptions<K> & { readonly itemType: K }): Promise<ServiceResponseCollection<ItemResponseOf<K>>>;
  getItems(ids: readonly ItemIdInput[], propertySet?: PropertySet, options?: GetItemsOptions): Promise<ServiceResponseCollection<ItemResponse>>;
  getItems(ids: readonly ItemIdInput[], propertySet?: PropertySet, options: GetItemsOptions = {}): Promise<ServiceResponseCollection<ItemResponse>> {
    return operations.get.getItems(this.context, ids, propertySet ?? operations.get.DEFAULT_PROPERTY_SET, options);
  }

  /** The Managed API's name for getItems. */
  bindToItems<K extends ItemKind>(ids: readonly ItemIdInput[], propertySet: PropertySet, options: GetItemsOptions<K> & { readonly itemType: K }): Promise<ServiceResponseCollection<ItemResponseOf<K>>>;
  bindToItems(ids: readonly ItemIdInput[], propertySet?: PropertySet, options?: GetItemsOptions): Promise<ServiceResponseCollection<ItemResponse>>;
  bindToItems(ids: readonly ItemIdInput[], propertySet?: PropertySet, options: GetItemsOptions = {}): Promise<ServiceResponseCollection<ItemResponse>> {
    return this.getItems(ids, propertySet, options);
  }

  updateItems(changes: readonly ItemChange[], options: UpdateItemsOptions = {}): Promise<ServiceResponseCollection<UpdateItemResponse>> {
    return operations.update.updateItems(this.context, changes, options);
  }

  /** Deletes items (MoveToDeletedItems by default). Already-deleted items answer ErrorItemNotFound. */
  deleteItems(ids: readonly ItemIdInput[], options: DeleteItemsOptions = {}): Promise<ServiceResponseCollection<ServiceResponse>> {
    return operations.delete.deleteItems(this.context, ids, options);
  }

  moveItems(ids: readonly ItemIdInput[], destination: FolderRef, options: MoveCopyItemsOptions = {}): Promise<ServiceResponseCollection<ItemResponse>> {
    return operations.moveOrCopy.moveOrCopyItems('MoveItem', this.context, ids, destination, options);
  }

  copyItems(ids: readonly ItemIdInput[], destination: FolderRef, options: MoveCopyItemsOptions = {}): Promise<ServiceResponseCollection<ItemResponse>> {
    return operations.moveOrCopy.moveOrCopyItems('CopyItem', this.context, ids, destination, options);
  }

  /** Sends drafts (saving a copy in Sent Items unless saveItemToFolder is false). */
  sendItems(ids: readonly ItemIdInput[], options: SendItemsOptions = {}): Promise<ServiceResponseCollection<ServiceResponse>> {
    return operations.send.sendItems(this.context, ids, options);
  }
}
