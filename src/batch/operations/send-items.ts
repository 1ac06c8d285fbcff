/** sendItems: SendItem for many drafts. Never sent again when the outcome is unknown: mail would go out twice. */
import { targetFolder } from '../../schema/folders';
import type { FolderRef, ItemIdInput } from '../inputs';
import { responseOf, type ServiceResponse, type ServiceResponseCollection } from '../results';
import { defined, itemIdsSpec, runItems, type BatchCallOptions, type BatchContext } from './run-items';

export interface SendItemsOptions extends BatchCallOptions {
  /** Keep a copy of each sent message (default true). */
  readonly saveItemToFolder?: boolean;
  /** Where the copy goes; Sent Items when absent. */
  readonly savedItemFolderId?: FolderRef;
}

export async function sendItems(
  { client, scheduler }: BatchContext, ids: readonly ItemIdInput[], options: SendItemsOptions,
): Promise<ServiceResponseCollection<ServiceResponse>> {
  const { saveItemToFolder, savedItemFolderId, ...batch } = options;
  const save = saveItemToFolder ?? true;
  const request = defined({
    SaveItemToFolder: save,
    SavedItemFolderId: save && savedItemFolderId !== undefined ? targetFolder(savedItemFolderId) : undefined,
  });
  return runItems(scheduler, ids, itemIdsSpec(client, 'SendItem', request, responseOf), batch);
}
