/**
 * CreateAttachment, GetAttachment and DeleteAttachment, and how an item's HasAttachments, Attachments
 * and ChangeKey follow them; attachments travel with sent messages.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { createAttachment, deleteAttachment, getAttachment } from '../../src/simulator/operations/attachments';
import { createItem } from '../../src/simulator/operations/create-item';
import { getItem } from '../../src/simulator/operations/get-item';
import { sendItem } from '../../src/simulator/operations/send-item';
import { createdIds, itemId, mailboxOf, newWorld, only, type World } from './fixtures';

type AttachmentMessage = m.AttachmentInfoResponseMessageType & { $el: string };
const content = Buffer.from('quarterly numbers\n').toString('base64');

function draftWithAttachments(world: World): { draft: t.ItemIdType; attachmentIds: t.AttachmentIdType[] } {
  const draft = createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'Figures', ToRecipients: [mailboxOf('bob@contoso.com')] }] }))[0];
  const response = createAttachment(world.alice, {
    ParentItemId: draft,
    Attachments: [
      { $el: 'FileAttachment', Name: 'numbers.txt', ContentType: 'text/plain', Content: content },
      { $el: 'ItemAttachment', Name: 'Agenda', Message: { Subject: 'Agenda', Body: { BodyType: 'HTML', $value: '<b>Item</b> one' } } },
    ],
  });
  const attachmentIds = response.ResponseMessages.map((entry) => {
    expect(entry.ResponseClass).toBe('Success');
    return (entry as AttachmentMessage).Attachments[0].AttachmentId!;
  });
  return { draft, attachmentIds };
}

function fetchItem(world: World, id: t.ItemIdType): t.MessageType {
  return only<m.ItemInfoResponseMessageType & { $el: 'GetItemResponseMessage' }>(getItem(world.alice, { ItemShape: { BaseShape: 'Default' }, ItemIds: [itemId({ Id: id.Id })] })).Items[0] as t.MessageType;
}

describe('attachments', () => {
  test('CreateAttachment returns attachment ids with the parent item\'s new ChangeKey', () => {
    const world = newWorld();
    const { draft, attachmentIds } = draftWithAttachments(world);
    expect(attachmentIds).toHaveLength(2);
    expect(attachmentIds[0].RootItemId).toBe(draft.Id);
    expect(attachmentIds[0].RootItemChangeKey).not.toBe(draft.ChangeKey);
    expect(attachmentIds[1].RootItemChangeKey).not.toBe(attachmentIds[0].RootItemChangeKey);
  });

  test('the item lists its attachments without content and says it has attachments', () => {
    const world = newWorld();
    const { draft, attachmentIds } = draftWithAttachments(world);
    const message = fetchItem(world, draft);
    expect(message.HasAttachments).toBe(true);
    expect(message.Attachments).toEqual([
      { $el: 'FileAttachment', AttachmentId: { Id: attachmentIds[0].Id }, Name: 'numbers.txt', ContentType: 'text/plain', Size: 18, IsInline: false, IsContactPhoto: false, LastModifiedTime: '2024-01-15T09:00:00Z' },
      expect.objectContaining({ $el: 'ItemAttachment', AttachmentId: { Id: attachmentIds[1].Id }, Name: 'Agenda', IsInline: false }),
    ]);
    expect(message.Attachments![1]).not.toHaveProperty('Message');
  });

  test('GetAttachment returns the file content and the attached item, converting its body when asked', () => {
    const world = newWorld();
    const { attachmentIds } = draftWithAttachments(world);
    const response = getAttachment(world.alice, { AttachmentShape: { BodyType: 'Text' }, AttachmentIds: attachmentIds.map(({ Id }) => ({ Id })) });
    const [file, item] = response.ResponseMessages.map((entry) => (entry as AttachmentMessage).Attachments[0]) as unknown as [t.FileAttachmentType, t.ItemAttachmentType];
    expect(Buffer.from(file.Content!, 'base64').toString()).toBe('quarterly numbers\n');
    expect(item.Message).toMatchObject({ Subject: 'Agenda', Body: { BodyType: 'Text', $value: 'Item one' } });
  });

  test('DeleteAttachment removes it and returns the parent\'s new ChangeKey; a second delete finds nothing', () => {
    const world = newWorld();
    const { draft, attachmentIds } = draftWithAttachments(world);
    const [first, second] = deleteAttachment(world.alice, { AttachmentIds: attachmentIds.map(({ Id }) => ({ Id })) }).ResponseMessages as (m.DeleteAttachmentResponseMessageType & { $el: string })[];
    expect(first.RootItemId!.RootItemId).toBe(draft.Id);
    expect(second.RootItemId!.RootItemChangeKey).not.toBe(first.RootItemId!.RootItemChangeKey);
    expect(fetchItem(world, draft)).toMatchObject({ HasAttachments: false });
    expect(fetchItem(world, draft).Attachments).toBeUndefined();
    const again = deleteAttachment(world.alice, { AttachmentIds: [{ Id: attachmentIds[0].Id }] });
    expect(again.ResponseMessages[0]).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorItemNotFound' });
  });

  test('a malformed attachment id is ErrorInvalidIdMalformed', () => {
    const world = newWorld();
    expect(getAttachment(world.alice, { AttachmentIds: [{ Id: 'AAMk!!' }] }).ResponseMessages[0]).toMatchObject({ ResponseCode: 'ErrorInvalidIdMalformed', MessageText: 'Id is malformed.' });
  });

  test('attachments travel with a sent message, and CreateItem accepts them inline', () => {
    const world = newWorld();
    const { draft } = draftWithAttachments(world);
    sendItem(world.alice, { SaveItemToFolder: true, ItemIds: [itemId(draft)] });
    const received = world.bob.mailbox.itemsIn(world.bob.mailbox.distinguishedFolder('inbox')!.key)[0];
    expect(received.attachments.map((attachment) => attachment.data.Name)).toEqual(['numbers.txt', 'Agenda']);
    expect(received.data.HasAttachments).toBe(true);
    const inline = createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'Inline', Attachments: [{ $el: 'FileAttachment', Name: 'a.bin', Content: 'AAEC' }] }] }))[0];
    expect(fetchItem(world, inline).Attachments).toEqual([expect.objectContaining({ Name: 'a.bin', Size: 3, ContentType: 'application/octet-stream' })]);
  });
});
