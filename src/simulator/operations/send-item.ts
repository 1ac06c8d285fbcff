/**
 * SendItem: sends saved drafts. Each is delivered to its local recipients, then kept in Sent Items (or
 * SavedItemFolderId) when SaveItemToFolder is true, or deleted otherwise.
 */
import { sendDraft } from './delivery';
import type { OperationHandler } from './context';
import { ResponseError } from './errors';
import { resolveFolder, resolveItem } from './id-resolution';
import { respond } from './response-messages';

export const sendItem: OperationHandler<'SendItem'> = (context, request) => ({
  ResponseMessages: request.ItemIds.map((id) => respond('SendItemResponseMessage', {}, () => {
    const { mailbox, item } = resolveItem(context, id);
    if (item.element !== 'Message') throw new ResponseError('ErrorInvalidItemForOperationSendItem');
    if (!request.SaveItemToFolder && request.SavedItemFolderId) throw new ResponseError('ErrorInvalidSendItemSaveSettings', 'SavedItemFolderId is only allowed when SaveItemToFolder is true.');
    const saveTo = !request.SaveItemToFolder ? undefined
      : request.SavedItemFolderId ? resolveFolder(context, request.SavedItemFolderId).folder : mailbox.distinguishedFolder('sentitems')!;
    sendDraft(context, mailbox, item, saveTo);
    return {};
  })),
});
