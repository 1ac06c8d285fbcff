/**
 * DeleteItem: HardDelete removes the item; SoftDelete moves it to Recoverable Items\Deletions (where a
 * SoftDeleted FindItem traversal of its old folder still sees it); MoveToDeletedItems moves it to
 * Deleted Items. Deleting an occurrence removes it from its series. A missing item fails on its own.
 */
import type * as m from '../../../generated/messages';
import { ewsDateTime } from '../store/clock';
import type { StoredItem } from '../store/records';
import { commitChange } from './calendar-series';
import type { OperationContext, OperationHandler } from './context';
import { sendMeetingCancellations } from './delivery';
import { ResponseError } from './errors';
import { type ItemRef, resolveItem } from './id-resolution';
import { respond } from './response-messages';

export const deleteItem: OperationHandler<'DeleteItem'> = (context, request) => ({
  ResponseMessages: request.ItemIds.map((id) => respond('DeleteItemResponseMessage', {}, () => {
    deleteOne(context, request, resolveItem(context, id));
    return {};
  })),
});

function deleteOne(context: OperationContext, request: m.DeleteItemType, ref: ItemRef): void {
  const { mailbox, item, occurrence } = ref;
  if (item.element === 'Task' && !request.AffectedTaskOccurrences) throw new ResponseError('ErrorAffectedTaskOccurrencesRequired');
  if (occurrence) {
    const deleted = [...(item.data.DeletedOccurrences ?? []), { Start: ewsDateTime(new Date(occurrence.originalStart)) }];
    item.data.DeletedOccurrences = deleted;
    if (item.exceptions) delete item.exceptions[String(occurrence.originalStart)];
    commitChange(mailbox, item, ['DeletedOccurrences']);
    return;
  }
  const cancellations = request.SendMeetingCancellations ?? 'SendToNone';
  if (isOrganizedMeeting(item) && cancellations !== 'SendToNone') {
    sendMeetingCancellations(context, mailbox, item, cancellations === 'SendToAllAndSaveCopy');
  }
  const deletedItems = mailbox.distinguishedFolder('deleteditems')!;
  const dumpster = mailbox.distinguishedFolder('recoverableitemsdeletions')!;
  if (request.DeleteType === 'HardDelete') mailbox.removeItem(item);
  else if (request.DeleteType === 'MoveToDeletedItems' && item.folderKey !== deletedItems.key) mailbox.moveItem(item, deletedItems.key);
  else {
    item.softDeletedFrom = item.folderKey;
    mailbox.moveItem(item, dumpster.key);
  }
}

function isOrganizedMeeting(item: StoredItem): boolean {
  return item.element === 'CalendarItem' && item.data.IsMeeting === true && item.data.IsOrganizer !== false;
}
