/**
 * moveItems / copyItems: MoveItem / CopyItem for many ids into one folder. Neither is sent again when its
 * outcome is unknown: a copy would be duplicated, and a moved item has a new id the client never saw.
 */
import { targetFolder } from '../../schema/folders';
import type { FolderRef, ItemIdInput } from '../inputs';
import type { ItemResponse, ServiceResponseCollection } from '../results';
import { itemResponse } from './get-items';
import { defined, itemIdsSpec, runItems, type BatchCallOptions, type BatchContext } from './run-items';

export interface MoveCopyItemsOptions extends BatchCallOptions {
  /** Ask for the ids of the moved or copied items (Exchange 2010 SP1 and later). */
  readonly returnNewItemIds?: boolean;
}

export async function moveOrCopyItems(
  operation: 'MoveItem' | 'CopyItem', { client, scheduler }: BatchContext,
  ids: readonly ItemIdInput[], destination: FolderRef, options: MoveCopyItemsOptions,
): Promise<ServiceResponseCollection<ItemResponse>> {
  const { returnNewItemIds, ...batch } = options;
  const request = defined({ ToFolderId: targetFolder(destination), ReturnNewItemIds: returnNewItemIds });
  return runItems(scheduler, ids, itemIdsSpec(client, operation, request, itemResponse), batch);
}
