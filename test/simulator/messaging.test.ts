/**
 * Mail flow and item movement: CreateItem dispositions, SendItem, MoveItem and CopyItem.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { copyItem, moveItem } from '../../src/simulator/operations/move-copy-item';
import { createItem } from '../../src/simulator/operations/create-item';
import { getItem } from '../../src/simulator/operations/get-item';
import { sendItem } from '../../src/simulator/operations/send-item';
import { encodeFolderId } from '../../src/simulator/store/ids';
import type { Mailbox } from '../../src/simulator/store/mailbox';
import { createdIds, itemId, mailboxOf, newWorld, target, type World } from './fixtures';

const note = (Subject: string, to: t.EmailAddressType[], extra: Partial<t.MessageType> = {}): t.NonEmptyArrayOfAllItemsTypeEntry => ({
  $el: 'Message', Subject, Body: { BodyType: 'HTML', $value: '<p>Hello &amp; welcome</p>' }, ToRecipients: to, ...extra,
});

function subjectsIn(mailbox: Mailbox, id: t.DistinguishedFolderIdNameType): string[] {
  return mailbox.itemsIn(mailbox.distinguishedFolder(id)!.key).map((item) => item.data.Subject!);
}

function draft(world: World, subject: string): t.ItemIdType {
  return createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [note(subject, [mailboxOf('bob@contoso.com')], { BccRecipients: [mailboxOf('carol@contoso.com')] })] }))[0];
}

describe('CreateItem for messages', () => {
  test('SaveOnly keeps a draft in Drafts and returns its id', () => {
    const world = newWorld();
    const id = draft(world, 'Draft');
    expect(subjectsIn(world.alice.mailbox, 'drafts')).toEqual(['Draft']);
    expect(world.alice.mailbox.itemsIn(world.alice.mailbox.distinguishedFolder('drafts')!.key)[0].data).toMatchObject({ IsDraft: true, ItemClass: 'IPM.Note', ItemId: id });
    expect(subjectsIn(world.bob.mailbox, 'inbox')).toEqual([]);
  });

  test('SendAndSaveCopy delivers to each local recipient once, returns no item, and keeps a read copy in Sent Items', () => {
    const world = newWorld();
    const response = createItem(world.alice, { MessageDisposition: 'SendAndSaveCopy', Items: [note('Hi', [mailboxOf('bob@contoso.com'), mailboxOf('BOB@contoso.com'), mailboxOf('someone@elsewhere.com')], { CcRecipients: [mailboxOf('carol@contoso.com')] })] });
    expect(response.ResponseMessages).toEqual([{ $el: 'CreateItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', Items: [] }]);
    const received = world.bob.mailbox.itemsIn(world.bob.mailbox.distinguishedFolder('inbox')!.key);
    expect(received).toHaveLength(1);
    expect(received[0].data).toMatchObject({ Subject: 'Hi', IsRead: false, IsDraft: false, From: { Mailbox: { Name: 'Alice Anders', EmailAddress: 'alice@contoso.com' } }, DisplayTo: 'Bob Brown; Bob Brown; someone@elsewhere.com', DisplayCc: 'Carol Cole' });
    expect(received[0].data.InternetMessageId).toMatch(/^<[0-9A-F]{32}@contoso\.com>$/);
    expect(subjectsIn(world.carol.mailbox, 'inbox')).toEqual(['Hi']);
    const sent = world.alice.mailbox.itemsIn(world.alice.mailbox.distinguishedFolder('sentitems')!.key);
    expect(sent.map((item) => [item.data.Subject, item.data.IsRead, item.data.InternetMessageId])).toEqual([['Hi', true, received[0].data.InternetMessageId]]);
    expect(subjectsIn(world.alice.mailbox, 'drafts')).toEqual([]);
  });

  test('SendOnly delivers without keeping a copy', () => {
    const world = newWorld();
    createItem(world.alice, { MessageDisposition: 'SendOnly', Items: [note('Quick', [mailboxOf('bob@contoso.com')])] });
    expect(subjectsIn(world.bob.mailbox, 'inbox')).toEqual(['Quick']);
    expect(subjectsIn(world.alice.mailbox, 'sentitems')).toEqual([]);
  });

  test('a message without MessageDisposition is ErrorMessageDispositionRequired, while the other items of the request are created', () => {
    const world = newWorld();
    const response = createItem(world.alice, { Items: [note('No disposition', []), { $el: 'Contact', GivenName: 'Dana', Surname: 'Diaz' }] });
    expect(response.ResponseMessages.map((entry) => entry.ResponseCode)).toEqual(['ErrorMessageDispositionRequired', 'NoError']);
    expect(world.alice.mailbox.itemsIn(world.alice.mailbox.distinguishedFolder('contacts')!.key)[0].data).toMatchObject({ DisplayName: 'Dana Diaz', FileAs: 'Diaz, Dana', ItemClass: 'IPM.Contact' });
  });

  test('items go to the folder of their kind; a contact in the Inbox is refused as Exchange refuses it', () => {
    const world = newWorld();
    const response = createItem(world.alice, { SavedItemFolderId: target('inbox'), Items: [{ $el: 'Contact', GivenName: 'Dana' }] });
    expect(response.ResponseMessages[0]).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorCannotCreateContactInNonContactFolder', MessageText: 'Cannot create a contact in a non-contact Folder.', Items: [] });
  });
});

describe('SendItem', () => {
  test('sends a draft: recipients get it (Bcc hidden), the draft moves to Sent Items with a new id', () => {
    const world = newWorld();
    const id = draft(world, 'Report');
    const response = sendItem(world.alice, { SaveItemToFolder: true, ItemIds: [itemId(id)] });
    expect(response.ResponseMessages).toEqual([{ $el: 'SendItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError' }]);
    expect(subjectsIn(world.bob.mailbox, 'inbox')).toEqual(['Report']);
    const carolCopy = world.carol.mailbox.itemsIn(world.carol.mailbox.distinguishedFolder('inbox')!.key)[0];
    expect(carolCopy.data.BccRecipients).toBeUndefined();
    expect(subjectsIn(world.alice.mailbox, 'sentitems')).toEqual(['Report']);
    expect(getItem(world.alice, { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: [itemId(id)] }).ResponseMessages[0].ResponseCode).toBe('ErrorItemNotFound');
  });

  test('SaveItemToFolder false deletes the draft once sent; sending it again fails', () => {
    const world = newWorld();
    const id = draft(world, 'Once');
    expect(sendItem(world.alice, { SaveItemToFolder: false, ItemIds: [itemId(id)] }).ResponseMessages[0].ResponseClass).toBe('Success');
    expect(subjectsIn(world.alice.mailbox, 'sentitems')).toEqual([]);
    expect(sendItem(world.alice, { SaveItemToFolder: false, ItemIds: [itemId(id)] }).ResponseMessages[0].ResponseCode).toBe('ErrorItemNotFound');
  });
});

describe('MoveItem and CopyItem', () => {
  test('a moved item gets a new id in its new folder; the old id no longer finds it', () => {
    const world = newWorld();
    const id = draft(world, 'Mover');
    const moved = moveItem(world.alice, { ToFolderId: target('inbox'), ItemIds: [itemId(id)] }).ResponseMessages[0] as m.ItemInfoResponseMessageType;
    const newId = moved.Items[0].ItemId!;
    expect(newId.Id).not.toBe(id.Id);
    expect(subjectsIn(world.alice.mailbox, 'inbox')).toEqual(['Mover']);
    expect(subjectsIn(world.alice.mailbox, 'drafts')).toEqual([]);
    const [stale, fresh] = getItem(world.alice, { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: [itemId(id), itemId(newId)] }).ResponseMessages;
    expect([stale.ResponseCode, fresh.ResponseCode]).toEqual(['ErrorItemNotFound', 'NoError']);
  });

  test('a copy is a new item; the original stays; ReturnNewItemIds false returns no ids', () => {
    const world = newWorld();
    const id = draft(world, 'Original');
    const copied = copyItem(world.alice, { ToFolderId: target('inbox'), ItemIds: [itemId(id)] }).ResponseMessages[0] as m.ItemInfoResponseMessageType;
    expect(copied.Items[0].ItemId!.Id).not.toBe(id.Id);
    const silent = copyItem(world.alice, { ToFolderId: target('inbox'), ItemIds: [itemId(id)], ReturnNewItemIds: false }).ResponseMessages[0] as m.ItemInfoResponseMessageType;
    expect(silent).toMatchObject({ ResponseClass: 'Success', Items: [] });
    expect(subjectsIn(world.alice.mailbox, 'drafts')).toEqual(['Original']);
    expect(subjectsIn(world.alice.mailbox, 'inbox')).toEqual(['Original', 'Original']);
  });

  test('an unknown destination folder fails every item with ErrorToFolderNotFound', () => {
    const world = newWorld();
    const id = draft(world, 'Stays');
    const unknownFolder = { FolderId: { Id: encodeFolderId({ mailboxGuid: world.alice.mailbox.identity.guid, folderKey: 9999 }) } };
    const response = moveItem(world.alice, { ToFolderId: unknownFolder, ItemIds: [itemId(id)] });
    expect(response.ResponseMessages[0]).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorToFolderNotFound' });
  });
});
