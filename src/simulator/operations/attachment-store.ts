/**
 * Attachments on stored items: adding them (from CreateAttachment or inline in CreateItem), copying
 * them with an item, and the full form GetAttachment returns.
 */
import type * as t from '../../../generated/types';
import { ITEM_ELEMENTS } from '../store/catalog';
import { generatedContent } from '../store/generated-content';
import type { Mailbox } from '../store/mailbox';
import type { StoredAttachment, StoredItem } from '../store/records';
import { ResponseError } from './errors';

type AttachmentEntry = t.NonEmptyArrayOfAttachmentsTypeEntry;

/** Stores an attachment on an item (the caller records the change on the item). */
export function addAttachment(mailbox: Mailbox, item: StoredItem, entry: AttachmentEntry): StoredAttachment {
  const { $el: element, AttachmentId: _id, ...given } = structuredClone(entry) as AttachmentEntry & Record<string, unknown>;
  const data = given as StoredAttachment['data'];
  data.LastModifiedTime = mailbox.now();
  data.IsInline ??= false;
  if (element === 'FileAttachment') {
    if (typeof data.Content !== 'string') throw new ResponseError('ErrorRequiredPropertyMissing', 'Required property is missing.');
    data.ContentType ??= 'application/octet-stream';
    data.IsContactPhoto ??= false;
    data.Size = Buffer.from(data.Content, 'base64').length;
  } else if (element === 'ItemAttachment') {
    if (!attachedItem(data)) throw new ResponseError('ErrorMissingItemForCreateItemAttachment', 'The item attachment has no item.');
    data.Size = Buffer.byteLength(JSON.stringify(attachedItem(data)));
  }
  const attachment: StoredAttachment = { key: mailbox.allocateKey(), element, data };
  item.attachments.push(attachment);
  return attachment;
}

/** Copies every attachment of `from` onto `to` (a delivered or copied item). */
export function copyAttachments(from: StoredItem, mailbox: Mailbox, to: StoredItem): void {
  for (const attachment of from.attachments) {
    to.attachments.push({ key: mailbox.allocateKey(), element: attachment.element, data: structuredClone(attachment.data), ...(attachment.generated && { generated: attachment.generated }) });
  }
}

/** The attachment with its content, as GetAttachment returns it. */
export function fullAttachment(mailbox: Mailbox, item: StoredItem, attachment: StoredAttachment): t.ArrayOfAttachmentsTypeEntry {
  const full = { $el: attachment.element, AttachmentId: { Id: mailbox.attachmentId(item, attachment.key) }, ...structuredClone(attachment.data) };
  // Generated content is written from its source as the answer is sent, never held as a string.
  if (attachment.generated) full.Content = generatedContent(attachment.generated) as unknown as string;
  return full as t.ArrayOfAttachmentsTypeEntry;
}

/** The item inside an item attachment, under whichever element property carries it. */
export function attachedItem(data: object): { element: string; item: t.ItemType } | undefined {
  for (const element of ITEM_ELEMENTS) {
    const item = (data as Record<string, t.ItemType | undefined>)[element];
    if (item) return { element, item };
  }
  return undefined;
}
