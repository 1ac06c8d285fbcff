/**
 * DeleteFolder: HardDelete and SoftDelete remove the folder with its subfolders and items (the
 * simulator keeps no recoverable folders); MoveToDeletedItems moves it under Deleted Items.
 * Distinguished folders cannot be deleted, as in Exchange.
 */
import type { OperationHandler } from './context';
import { ResponseError } from './errors';
import { resolveFolder } from './id-resolution';
import { respond } from './response-messages';

export const deleteFolder: OperationHandler<'DeleteFolder'> = (context, request) => ({
  ResponseMessages: request.FolderIds.map((id) => respond('DeleteFolderResponseMessage', {}, () => {
    const { mailbox, folder } = resolveFolder(context, id);
    if (folder.distinguishedId) throw new ResponseError('ErrorDeleteDistinguishedFolder');
    const deletedItems = mailbox.distinguishedFolder('deleteditems')!;
    if (request.DeleteType === 'MoveToDeletedItems' && folder.parentKey !== deletedItems.key) mailbox.moveFolder(folder, deletedItems.key);
    else mailbox.removeFolder(folder);
    return {};
  })),
});
