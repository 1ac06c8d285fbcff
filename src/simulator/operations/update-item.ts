/**
 * UpdateItem with Exchange's conflict rules. A ChangeKey older than the item's is stale: NeverOverwrite
 * then fails with ErrorIrresolvableConflict; AutoResolve fails only when a property the request
 * changes was also changed since that ChangeKey; AlwaysOverwrite applies and reports those properties
 * in ConflictResults. Updating an occurrence makes it an exception of its series.
 */
import type * as m from '../../../generated/messages';
import type * as t from '../../../generated/types';
import { decodeChangeKey, MalformedIdError } from '../store/ids';
import type { ItemData, StoredItem } from '../store/records';
import { commitChange, occurrenceData } from './calendar-series';
import type { OperationContext, OperationHandler } from './context';
import { sendDraft, sendMeetingRequests } from './delivery';
import { ResponseError } from './errors';
import { type ItemRef, resolveFolder, resolveItem } from './id-resolution';
import { applyChanges, touchedProperties } from './item-changes';
import { isoDuration } from './new-items';
import { respond, type ResponsePayload } from './response-messages';

export const updateItem: OperationHandler<'UpdateItem'> = (context, request) => ({
  ResponseMessages: request.ItemChanges.map((change) => respond('UpdateItemResponseMessage', { Items: [] }, () => updateOne(context, request, change))),
});

function updateOne(context: OperationContext, request: m.UpdateItemType, change: t.ItemChangeType): ResponsePayload<'UpdateItemResponseMessage'> {
  const id = change.ItemId ? { $el: 'ItemId' as const, ...change.ItemId }
    : change.OccurrenceItemId ? { $el: 'OccurrenceItemId' as const, ...change.OccurrenceItemId }
      : { $el: 'RecurringMasterItemId' as const, ...change.RecurringMasterItemId! };
  const ref = resolveItem(context, id);
  const { item, mailbox } = ref;
  const conflicts = conflictsOf(item, id.ChangeKey, change.Updates, request.ConflictResolution);
  if (item.element === 'Message' && !request.MessageDisposition) throw new ResponseError('ErrorMessageDispositionRequired');

  const before = ref.occurrence ? occurrenceData(mailbox, item, ref.occurrence) : item.data;
  const { data, changed } = applyChanges(context.state, item.element, before, change.Updates);
  if (item.element === 'CalendarItem') calendarConsequences(data, changed);
  if (ref.occurrence) recordException(item, ref.occurrence.originalStart, data, changed);
  else item.data = data;
  commitChange(mailbox, item, changed);

  if (item.element === 'Message' && request.MessageDisposition !== 'SaveOnly') {
    const saveTo = request.MessageDisposition === 'SendAndSaveCopy'
      ? (request.SavedItemFolderId ? resolveFolder(context, request.SavedItemFolderId).folder : mailbox.distinguishedFolder('sentitems')!)
      : undefined;
    sendDraft(context, mailbox, item, saveTo);
    return { Items: [], ConflictResults: { Count: conflicts } };
  }
  notifyAttendees(context, ref, request.SendMeetingInvitationsOrCancellations, changed);
  const newId = mailbox.itemId(item, ref.occurrence?.originalStart);
  return { Items: [{ $el: item.element, ItemId: newId }], ConflictResults: { Count: conflicts } };
}

/** How many changed properties conflict; throws when the resolution does not allow going on. */
function conflictsOf(item: StoredItem, changeKey: string | undefined, updates: t.NonEmptyArrayOfItemChangeDescriptionsType, resolution: t.ConflictResolutionType): number {
  if (changeKey === undefined) return 0;
  let clientChange: number;
  try {
    clientChange = decodeChangeKey(changeKey);
  } catch (error) {
    if (error instanceof MalformedIdError) throw new ResponseError('ErrorInvalidChangeKey');
    throw error;
  }
  if (clientChange >= item.changeNumber) return 0;
  const conflicting = touchedProperties(updates).filter((property) => (item.propertyChanges[property] ?? 0) > clientChange).length;
  if (resolution === 'NeverOverwrite' || (resolution === 'AutoResolve' && conflicting > 0)) throw new ResponseError('ErrorIrresolvableConflict');
  return resolution === 'AlwaysOverwrite' ? conflicting : 0;
}

/** A calendar item's dependent properties: Duration follows Start/End, the item type follows Recurrence. */
function calendarConsequences(data: ItemData, changed: string[]): void {
  if ((changed.includes('Start') || changed.includes('End')) && data.Start && data.End) {
    if (Date.parse(data.End) < Date.parse(data.Start)) throw new ResponseError('ErrorCalendarEndDateIsEarlierThanStartDate');
    data.Duration = isoDuration(Date.parse(data.End) - Date.parse(data.Start));
  }
  if (changed.includes('Recurrence') && data.CalendarItemType !== 'Occurrence' && data.CalendarItemType !== 'Exception') {
    data.IsRecurring = data.Recurrence !== undefined;
    data.CalendarItemType = data.Recurrence ? 'RecurringMaster' : 'Single';
  }
}

/** Keeps an occurrence's changed properties as overrides on the master (an exception). */
function recordException(master: StoredItem, originalStart: number, data: ItemData, changed: readonly string[]): void {
  const overrides: ItemData = { ...master.exceptions?.[String(originalStart)] };
  for (const property of changed) overrides[property] = data[property];
  master.exceptions = { ...master.exceptions, [String(originalStart)]: overrides };
}

function notifyAttendees(context: OperationContext, ref: ItemRef, mode: t.CalendarItemUpdateOperationType | undefined, changed: readonly string[]): void {
  const { item, mailbox } = ref;
  if (item.element !== 'CalendarItem' || !item.data.IsMeeting || !mode || mode === 'SendToNone' || changed.length === 0) return;
  item.data.AppointmentSequenceNumber = (item.data.AppointmentSequenceNumber ?? 0) + 1;
  sendMeetingRequests(context, mailbox, item, mode.endsWith('SaveCopy'), true);
  commitChange(mailbox, item, ['AppointmentSequenceNumber']);
}
