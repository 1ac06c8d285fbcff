/**
 * CreateAttachment, GetAttachment and DeleteAttachment. Every change to an item's attachments gives the
 * item a new ChangeKey (returned as RootItemChangeKey) and updates its HasAttachments and Attachments.
 */
import type * as t from '../../../generated/types';
import { decodeAttachmentId } from '../store/ids';
import type { Mailbox } from '../store/mailbox';
import type { StoredAttachment, StoredItem } from '../store/records';
import { addAttachment, attachedItem, fullAttachment } from './attachment-store';
import { convertBody } from './body-conversion';
import type { OperationContext, OperationHandler } from './context';
import { ResponseError } from './errors';
import { itemById, resolveItem } from './id-resolution';
import { respond } from './response-messages';

export const createAttachment: OperationHandler<'CreateAttachment'> = (context, request) => {
  let parent: { mailbox: Mailbox; item: StoredItem } | undefined;
  return {
    ResponseMessages: request.Attachments.map((entry) => respond('CreateAttachmentResponseMessage', { Attachments: [] }, () => {
      parent ??= resolveItem(context, { $el: 'ItemId', ...request.ParentItemId });
      const { mailbox, item } = parent;
      const attachment = addAttachment(mailbox, item, entry);
      mailbox.recordChange(item, ['Attachments']);
      const root = mailbox.itemId(item);
      return { Attachments: [{ $el: attachment.element, AttachmentId: { Id: mailbox.attachmentId(item, attachment.key), RootItemId: root.Id, RootItemChangeKey: root.ChangeKey } } as t.ArrayOfAttachmentsTypeEntry] };
    })),
  };
};

export const getAttachment: OperationHandler<'GetAttachment'> = (context, request) => ({
  ResponseMessages: request.AttachmentIds.map((id) => respond('GetAttachmentResponseMessage', { Attachments: [] }, () => {
    const { mailbox, item, attachment } = findAttachment(context, id.Id);
    const full = fullAttachment(mailbox, item, attachment);
    const bodyType = request.AttachmentShape?.BodyType;
    const inner = attachedItem(full);
    if (inner?.item.Body && bodyType) inner.item.Body = convertBody(inner.item.Body, bodyType);
    return { Attachments: [full] };
  })),
});

export const deleteAttachment: OperationHandler<'DeleteAttachment'> = (context, request) => ({
  ResponseMessages: request.AttachmentIds.map((id) => respond('DeleteAttachmentResponseMessage', {}, () => {
    const { mailbox, item, attachment } = findAttachment(context, id.Id);
    item.attachments = item.attachments.filter((candidate) => candidate !== attachment);
    mailbox.recordChange(item, ['Attachments']);
    const root = mailbox.itemId(item);
    return { RootItemId: { RootItemId: root.Id, RootItemChangeKey: root.ChangeKey! } };
  })),
});

function findAttachment(context: OperationContext, id: string): { mailbox: Mailbox; item: StoredItem; attachment: StoredAttachment } {
  const parts = decodeAttachmentId(id);
  const { mailbox, item } = itemById(context, parts.item);
  const attachment = item.attachments.find((candidate) => candidate.key === parts.attachmentKey);
  if (!attachment) throw new ResponseError('ErrorItemNotFound');
  return { mailbox, item, attachment };
}
