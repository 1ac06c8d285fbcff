/**
 * MoveItem and CopyItem. A moved item gets a new ItemId (the id names the folder, as in Exchange); a
 * copy is a new item with its own id and attachments. ReturnNewItemIds false leaves m:Items empty.
 * Occurrences cannot be moved or copied on their own, and items stay in their mailbox.
 */
import type * as m from '../../../generated/messages';
import type * as t from '../../../generated/types';
import { isRecurringMaster, refreshSeries } from './calendar-series';
import { copyAttachments } from './attachment-store';
import type { OperationContext, OperationHandler } from './context';
import { ResponseError } from './errors';
import { type FolderRef, resolveFolder, resolveItem } from './id-resolution';
import { respond } from './response-messages';
import type { WithNewer } from '../../schema/release-types';

export const moveItem: OperationHandler<'MoveItem'> = (context, request) => ({
  ResponseMessages: transfer(context, request, 'move').map((work) => respond('MoveItemResponseMessage', { Items: [] }, work)),
});

export const copyItem: OperationHandler<'CopyItem'> = (context, request) => ({
  ResponseMessages: transfer(context, request, 'copy').map((work) => respond('CopyItemResponseMessage', { Items: [] }, work)),
});

type Work = () => { Items: t.ArrayOfRealItemsType };

function transfer(context: OperationContext, request: m.BaseMoveCopyItemType, mode: 'move' | 'copy'): Work[] {
  let destination: FolderRef | undefined;
  return request.ItemIds.map((id) => () => {
    destination ??= resolveToFolder(context, request.ToFolderId);
    const { mailbox, item, occurrence } = resolveItem(context, id);
    if (occurrence) throw new ResponseError('ErrorCalendarCannotMoveOrCopyOccurrence', 'Cannot move or copy an occurrence of a recurring calendar item.');
    if (mailbox !== destination.mailbox) throw new ResponseError('ErrorCrossMailboxMoveCopy');
    let result = item;
    if (mode === 'move') mailbox.moveItem(item, destination.folder.key);
    else {
      const { ItemId: _id, ParentFolderId: _parent, DateTimeCreated: _created, ...properties } = structuredClone(item.data);
      result = mailbox.addItem(item.element, properties, destination.folder.key, item);
      copyAttachments(item, mailbox, result);
      mailbox.recordChange(result, ['Attachments']);
      if (item.exceptions) result.exceptions = structuredClone(item.exceptions);
    }
    if (isRecurringMaster(result)) refreshSeries(mailbox, result);
    return { Items: (request as WithNewer<typeof request, 'ReturnNewItemIds'>).ReturnNewItemIds === false ? [] : [{ $el: result.element, ItemId: mailbox.itemId(result) }] };
  });
}

function resolveToFolder(context: OperationContext, target: t.TargetFolderIdType): FolderRef {
  try {
    return resolveFolder(context, target);
  } catch (error) {
    if (error instanceof ResponseError && error.code === 'ErrorFolderNotFound') throw new ResponseError('ErrorToFolderNotFound', 'The destination folder could not be found.');
    throw error;
  }
}
