/**
 * UpdateItem: Set/Append/Delete on plain, indexed and extended paths, the checks Exchange makes on
 * them, the three conflict resolutions, and sending a draft through MessageDisposition.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { createItem } from '../../src/simulator/operations/create-item';
import { getItem } from '../../src/simulator/operations/get-item';
import { updateItem } from '../../src/simulator/operations/update-item';
import { createdIds, itemId, mailboxOf, newWorld, only, type World } from './fixtures';

type Change = t.NonEmptyArrayOfItemChangeDescriptionsTypeEntry;
type UpdateMessage = m.UpdateItemResponseMessageType & { $el: 'UpdateItemResponseMessage' };
const FLAG: t.PathToExtendedFieldType = { PropertyTag: '0x1090', PropertyType: 'Integer' };

function draft(world: World): t.ItemIdType {
  return createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'Draft', Body: { BodyType: 'Text', $value: 'Hello' }, ToRecipients: [mailboxOf('bob@contoso.com')] }] }))[0];
}

function update(world: World, id: t.ItemIdType, updates: Change[], options: Partial<m.UpdateItemType> = {}): m.ArrayOfResponseMessagesTypeEntry {
  return updateItem(world.alice, { ConflictResolution: 'AlwaysOverwrite', MessageDisposition: 'SaveOnly', ItemChanges: [{ ItemId: id, Updates: updates }], ...options }).ResponseMessages[0];
}

function stored(world: World, id: t.ItemIdType): t.MessageType & t.ContactItemType {
  return only<m.ItemInfoResponseMessageType & { $el: 'GetItemResponseMessage' }>(getItem(world.alice, { ItemShape: { BaseShape: 'AllProperties' }, ItemIds: [itemId({ Id: id.Id })] })).Items[0] as t.MessageType & t.ContactItemType;
}

const setSubject = (Subject: string): Change => ({ $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject } });
const newId = (message: m.ArrayOfResponseMessagesTypeEntry): t.ItemIdType => (message as UpdateMessage).Items[0].ItemId!;

describe('UpdateItem changes', () => {
  test('AppendToItemField adds recipients and body text; DeleteItemField removes a property', () => {
    const world = newWorld();
    const id = draft(world);
    const result = update(world, id, [
      { $el: 'AppendToItemField', FieldURI: { FieldURI: 'message:ToRecipients' }, Message: { ToRecipients: [mailboxOf('carol@contoso.com')] } },
      { $el: 'AppendToItemField', FieldURI: { FieldURI: 'item:Body' }, Message: { Body: { BodyType: 'Text', $value: ', world' } } },
      { $el: 'DeleteItemField', FieldURI: { FieldURI: 'item:Subject' } },
    ]);
    expect(result).toMatchObject({ ResponseClass: 'Success', ConflictResults: { Count: 0 } });
    const message = stored(world, id);
    expect(message.ToRecipients!.map((r) => r.Name)).toEqual(['Bob Brown', 'Carol Cole']);
    expect(message).toMatchObject({ Body: { $value: 'Hello, world' }, DisplayTo: 'Bob Brown; Carol Cole' });
    expect(message.Subject).toBeUndefined();
  });

  test('indexed and extended paths set, replace and delete single entries', () => {
    const world = newWorld();
    const [contact] = createdIds(createItem(world.alice, { Items: [{ $el: 'Contact', GivenName: 'Dana', EmailAddresses: [{ Key: 'EmailAddress1', $value: 'old@fabrikam.com' }] }] }));
    update(world, contact, [
      { $el: 'SetItemField', IndexedFieldURI: { FieldURI: 'contacts:EmailAddress', FieldIndex: 'EmailAddress1' }, Contact: { EmailAddresses: [{ Key: 'EmailAddress1', $value: 'new@fabrikam.com' }] } },
      { $el: 'SetItemField', IndexedFieldURI: { FieldURI: 'contacts:PhysicalAddress:City', FieldIndex: 'Home' }, Contact: { PhysicalAddresses: [{ Key: 'Home', City: 'Shelbyville' }] } },
      { $el: 'SetItemField', ExtendedFieldURI: FLAG, Contact: { ExtendedProperty: [{ ExtendedFieldURI: FLAG, Value: '2' }] } },
    ]);
    expect(stored(world, contact)).toMatchObject({
      EmailAddresses: [{ Key: 'EmailAddress1', $value: 'new@fabrikam.com' }], PhysicalAddresses: [{ Key: 'Home', City: 'Shelbyville' }],
      ExtendedProperty: [{ ExtendedFieldURI: FLAG, Value: '2' }],
    });
    update(world, contact, [
      { $el: 'DeleteItemField', IndexedFieldURI: { FieldURI: 'contacts:EmailAddress', FieldIndex: 'EmailAddress1' } },
      { $el: 'DeleteItemField', ExtendedFieldURI: { PropertyTag: '4240', PropertyType: 'Integer' } },
    ]);
    const after = stored(world, contact);
    expect(after.EmailAddresses).toBeUndefined();
    expect(after.ExtendedProperty).toBeUndefined();
  });

  test.each<[string, Change, m.ResponseCodeType]>([
    ['a field the item type does not have', { $el: 'SetItemField', FieldURI: { FieldURI: 'calendar:Location' }, CalendarItem: { Location: 'Here' } }, 'ErrorInvalidPropertyRequest'],
    ['a server-computed field', { $el: 'SetItemField', FieldURI: { FieldURI: 'item:Size' }, Message: { Size: 1 } }, 'ErrorInvalidPropertySet'],
    ['deleting a server-computed field', { $el: 'DeleteItemField', FieldURI: { FieldURI: 'item:DateTimeCreated' } }, 'ErrorInvalidPropertyDelete'],
    ['appending to a field that cannot be appended to', { $el: 'AppendToItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject: 'x' } }, 'ErrorInvalidPropertyAppend'],
    ['a SetItemField item with two properties', { $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject: 'x', Importance: 'High' } }, 'ErrorIncorrectUpdatePropertyCount'],
  ])('%s is rejected and nothing changes', (_name, change, code) => {
    const world = newWorld();
    const id = draft(world);
    const result = update(world, id, [setSubject('Applied?'), change]);
    expect(result).toMatchObject({ ResponseClass: 'Error', ResponseCode: code, Items: [] });
    expect(stored(world, id).Subject).toBe('Draft');
  });

  test('a message update without MessageDisposition is ErrorMessageDispositionRequired', () => {
    const world = newWorld();
    const id = draft(world);
    expect(update(world, id, [setSubject('x')], { MessageDisposition: undefined })).toMatchObject({ ResponseCode: 'ErrorMessageDispositionRequired' });
  });

  test('MessageDisposition SendAndSaveCopy updates then sends the draft and returns no item', () => {
    const world = newWorld();
    const id = draft(world);
    const result = update(world, id, [setSubject('Final')], { MessageDisposition: 'SendAndSaveCopy' });
    expect(result).toMatchObject({ ResponseClass: 'Success', Items: [] });
    const inbox = world.bob.mailbox.itemsIn(world.bob.mailbox.distinguishedFolder('inbox')!.key);
    expect(inbox.map((item) => item.data.Subject)).toEqual(['Final']);
  });
});

describe('UpdateItem conflicts', () => {
  function staleSetup(): { world: World; stale: t.ItemIdType } {
    const world = newWorld();
    const stale = draft(world);
    update(world, stale, [{ $el: 'SetItemField', FieldURI: { FieldURI: 'item:Importance' }, Message: { Importance: 'High' } }]);
    return { world, stale };
  }

  test('a current ChangeKey updates with any resolution and counts no conflict', () => {
    const world = newWorld();
    const id = draft(world);
    expect(update(world, id, [setSubject('A')], { ConflictResolution: 'NeverOverwrite' })).toMatchObject({ ResponseClass: 'Success', ConflictResults: { Count: 0 } });
  });

  test('NeverOverwrite fails on any stale ChangeKey', () => {
    const { world, stale } = staleSetup();
    expect(update(world, stale, [setSubject('B')], { ConflictResolution: 'NeverOverwrite' })).toMatchObject({ ResponseCode: 'ErrorIrresolvableConflict' });
  });

  test('AutoResolve applies a stale update that touches other properties, and fails when it touches a changed one', () => {
    const { world, stale } = staleSetup();
    expect(update(world, stale, [setSubject('C')], { ConflictResolution: 'AutoResolve' })).toMatchObject({ ResponseClass: 'Success', ConflictResults: { Count: 0 } });
    const importance: Change = { $el: 'SetItemField', FieldURI: { FieldURI: 'item:Importance' }, Message: { Importance: 'Low' } };
    expect(update(world, stale, [importance], { ConflictResolution: 'AutoResolve' })).toMatchObject({ ResponseCode: 'ErrorIrresolvableConflict' });
  });

  test('AlwaysOverwrite applies and counts the overwritten properties in ConflictResults', () => {
    const { world, stale } = staleSetup();
    const importance: Change = { $el: 'SetItemField', FieldURI: { FieldURI: 'item:Importance' }, Message: { Importance: 'Low' } };
    const result = update(world, stale, [importance, setSubject('D')], { ConflictResolution: 'AlwaysOverwrite' });
    expect(result).toMatchObject({ ResponseClass: 'Success', ConflictResults: { Count: 1 } });
    expect(stored(world, newId(result))).toMatchObject({ Importance: 'Low', Subject: 'D' });
  });

  test('a ChangeKey that is not one is ErrorInvalidChangeKey', () => {
    const world = newWorld();
    const id = draft(world);
    expect(update(world, { Id: id.Id, ChangeKey: 'garbage' }, [setSubject('E')])).toMatchObject({ ResponseCode: 'ErrorInvalidChangeKey', MessageText: 'The change key is invalid.' });
  });
});
