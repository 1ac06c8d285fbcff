/** Batched item operations with per-item results, chunking, concurrency and throttling. */
export { ItemBatches } from './item-batches';
export type { ItemBatchesOptions } from './item-batches';
export { BatchItemError, ItemAbortedError, ItemInputError, ItemOutcomeUnknownError, ItemRequestFailedError } from './errors';
export type { ClientErrorCode } from './errors';
export type { BaseItemIdEntry, FolderRef, ItemIdInput, PropertySet } from './inputs';
export type { BatchProgress, ProgressListener } from './progress';
export type { ItemResponse, RealItem, ServiceResponse, ServiceResponseCollection, ServiceResult } from './results';
export type { AttachmentEntry, AttachmentResponse } from './operations/attachments';
export type { CreateItemResponse, CreateItemsOptions, NewItem } from './operations/create-items';
export type { DeleteItemsOptions } from './operations/delete-items';
export type { GetItemsOptions } from './operations/get-items';
export { UnexpectedItemKindError } from './operations/item-kinds';
export type { ItemKind, ItemOfKind, ItemResponseOf } from './operations/item-kinds';
export type { ItemChange, ItemChangeOf, ItemElement, ItemOf, PathUpdate, PropertyName } from './operations/item-changes';
export type { MoveCopyItemsOptions } from './operations/move-copy-items';
export type { BatchCallOptions } from './operations/run-items';
export type { SendItemsOptions } from './operations/send-items';
export type { UpdateItemResponse, UpdateItemsOptions } from './operations/update-items';
