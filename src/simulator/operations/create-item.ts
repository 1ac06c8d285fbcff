/**
 * CreateItem: one response message per requested item, in order; the Items array may mix types.
 * Messages follow MessageDisposition (SaveOnly keeps a draft; SendOnly / SendAndSaveCopy deliver and
 * return no item, as Exchange does); meetings follow SendMeetingInvitations.
 */
import type * as m from '../../../generated/messages';
import type * as t from '../../../generated/types';
import { defaultFolderOf } from '../store/catalog';
import type { ItemElement, StoredFolder } from '../store/records';
import { addAttachment } from './attachment-store';
import { commitChange, isRecurringMaster, refreshSeries } from './calendar-series';
import type { OperationContext, OperationHandler } from './context';
import { sendDraft, sendMeetingRequests } from './delivery';
import { ResponseError } from './errors';
import { type FolderRef, resolveFolder } from './id-resolution';
import { newItemFrom } from './new-items';
import { respond } from './response-messages';

export const createItem: OperationHandler<'CreateItem'> = (context, request) => ({
  ResponseMessages: request.Items.map((entry) => respond('CreateItemResponseMessage', { Items: [] }, () => ({ Items: createOne(context, request, entry) }))),
});

function createOne(context: OperationContext, request: m.CreateItemType, entry: t.NonEmptyArrayOfAllItemsTypeEntry): t.ArrayOfRealItemsType {
  const { element, data, attachments } = newItemFrom(context, entry);
  const sending = element === 'Message' && dispositionOf(request) !== 'SaveOnly';
  const target = sending ? draftsOf(context) : targetFolder(context, request, element);
  assertFolderFits(element, target.folder);
  if (element === 'Message') data.IsDraft = true;
  const { mailbox } = target;
  const item = mailbox.addItem(element, data, target.folder.key);
  for (const attachment of attachments) addAttachment(mailbox, item, attachment);
  if (attachments.length > 0) mailbox.recordChange(item, ['Attachments']);
  if (sending) {
    const saveTo = request.MessageDisposition === 'SendAndSaveCopy' ? sentCopyFolder(context, request) : undefined;
    sendDraft(context, mailbox, item, saveTo);
    return [];
  }
  if (isRecurringMaster(item)) refreshSeries(mailbox, item);
  const invitations = request.SendMeetingInvitations ?? 'SendToNone';
  if (item.data.IsMeeting && invitations !== 'SendToNone') {
    sendMeetingRequests(context, mailbox, item, invitations === 'SendToAllAndSaveCopy');
    commitChange(mailbox, item, ['MeetingRequestWasSent']);
  }
  return [{ $el: element, ItemId: mailbox.itemId(item) }];
}

function dispositionOf(request: m.CreateItemType): t.MessageDispositionType {
  if (!request.MessageDisposition) throw new ResponseError('ErrorMessageDispositionRequired');
  return request.MessageDisposition;
}

function targetFolder(context: OperationContext, request: m.CreateItemType, element: ItemElement): FolderRef {
  if (request.SavedItemFolderId) return resolveFolder(context, request.SavedItemFolderId);
  return { mailbox: context.mailbox, folder: context.mailbox.distinguishedFolder(defaultFolderOf(element))! };
}

function draftsOf(context: OperationContext): FolderRef {
  return { mailbox: context.mailbox, folder: context.mailbox.distinguishedFolder('drafts')! };
}

/** With SendAndSaveCopy, SavedItemFolderId names where the sent copy goes (Sent Items by default). */
function sentCopyFolder(context: OperationContext, request: m.CreateItemType): StoredFolder {
  return request.SavedItemFolderId ? resolveFolder(context, request.SavedItemFolderId).folder : context.mailbox.distinguishedFolder('sentitems')!;
}

const REQUIRED_FOLDER_CLASS: Partial<Record<ItemElement, [string, m.ResponseCodeType]>> = {
  CalendarItem: ['IPF.Appointment', 'ErrorCannotCreateCalendarItemInNonCalendarFolder'],
  Contact: ['IPF.Contact', 'ErrorCannotCreateContactInNonContactFolder'],
  DistributionList: ['IPF.Contact', 'ErrorCannotCreateContactInNonContactFolder'],
  Task: ['IPF.Task', 'ErrorCannotCreateTaskInNonTaskFolder'],
};

function assertFolderFits(element: ItemElement, folder: StoredFolder): void {
  const required = REQUIRED_FOLDER_CLASS[element];
  if (required && !folder.folderClass.startsWith(required[0])) throw new ResponseError(required[1] as Exclude<m.ResponseCodeType, 'NoError'>);
}
