/**
 * Properties Exchange computes rather than stores as given: ItemClass when none was set, the
 * attachment summary and HasAttachments, DisplayTo/DisplayCc, and Size. Kept current on every change
 * so that restrictions, sorting and shapes can read them like any other property.
 */
import type * as t from '../../../generated/types';
import { DEFAULT_ITEM_CLASS } from './catalog';
import type { StoredAttachment, StoredItem } from './records';

/** Fixed cost of an item's MAPI envelope in the Size estimate, so an empty item is not 0 bytes. */
const ITEM_OVERHEAD_BYTES = 512;

export function refreshDerivedProperties(item: StoredItem, attachmentIdOf: (key: number) => string): void {
  const data = item.data;
  data.ItemClass ??= DEFAULT_ITEM_CLASS[item.element];
  if (item.attachments.length > 0) data.Attachments = item.attachments.map((attachment) => attachmentSummary(attachment, attachmentIdOf(attachment.key)));
  else delete data.Attachments;
  data.HasAttachments = item.attachments.some((attachment) => !attachment.data.IsInline);
  const displayTo = displayNames(item.element === 'CalendarItem' ? data.RequiredAttendees?.map((a) => a.Mailbox) : data.ToRecipients);
  const displayCc = displayNames(item.element === 'CalendarItem' ? data.OptionalAttendees?.map((a) => a.Mailbox) : data.CcRecipients);
  if (displayTo !== undefined || item.element === 'Message') data.DisplayTo = displayTo ?? '';
  if (displayCc !== undefined || item.element === 'Message') data.DisplayCc = displayCc ?? '';
  data.Size = estimateSize(item);
}

/** The attachment as an item lists it: everything but the content. */
export function attachmentSummary(attachment: StoredAttachment, attachmentId: string): t.ArrayOfAttachmentsTypeEntry {
  const { Content: _content, Item: _item, Message: _message, CalendarItem: _calendar, Contact: _contact, Task: _task, ...rest } = attachment.data;
  return { $el: attachment.element, ...rest, AttachmentId: { Id: attachmentId } } as t.ArrayOfAttachmentsTypeEntry;
}

function displayNames(mailboxes: readonly t.EmailAddressType[] | undefined): string | undefined {
  if (!mailboxes || mailboxes.length === 0) return undefined;
  return mailboxes.map((mailbox) => mailbox.Name ?? mailbox.EmailAddress ?? '').join('; ');
}

function estimateSize(item: StoredItem): number {
  const { Size: _size, Attachments: _attachments, ...properties } = item.data;
  const attachmentBytes = item.attachments.reduce((sum, attachment) => sum + ((attachment.data.Size as number | undefined) ?? 0), 0);
  return ITEM_OVERHEAD_BYTES + Buffer.byteLength(JSON.stringify(properties)) + attachmentBytes;
}
