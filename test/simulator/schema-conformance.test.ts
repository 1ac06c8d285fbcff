/**
 * The simulator's responses are valid EWS: each one, written by the SDK's writer, passes libxml2
 * validation against the official schemas, and no shaped item carries a property its type does not
 * declare (the writer would silently drop it, so this is checked on the objects themselves).
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { schema } from '../../generated/schema';
import { writeElement } from '../../src/runtime';
import { type OperationContext, runOperation } from '../../src/simulator/operations';
import { elementField, typeOfElement } from '../../src/simulator/operations/schema-facts';
import { XsdValidator } from '../../src/validation';
import { createdIds, fieldUri, folder, itemId, mailboxOf, target } from './fixtures';
import { inboxWorld } from './inbox-fixture';

const FOLDERS = ['inbox', 'calendar', 'contacts', 'tasks', 'drafts', 'sentitems', 'deleteditems'] as const;
const SHAPES: t.DefaultShapeNamesType[] = ['AllProperties', 'Default', 'IdOnly'];

interface Written {
  readonly name: string;
  readonly xml: string;
  readonly items: t.ArrayOfRealItemsTypeEntry[];
}

/** Every kind of item and response the simulator produces: series, meetings, contacts, tasks, drafts, attachments, errors. */
function scenario(): Written[] {
  const world = inboxWorld();
  const written: Written[] = [];
  const record = (name: string, element: string, response: { ResponseMessages: m.ArrayOfResponseMessagesTypeEntry[] }) => {
    const items = response.ResponseMessages.flatMap((entry) => {
      const root = (entry as m.FindItemResponseMessageType).RootFolder;
      return [...((entry as m.ItemInfoResponseMessageType).Items ?? []), ...(root?.Items ?? []), ...(root?.Groups ?? []).flatMap((group) => group.Items)];
    });
    written.push({ name, xml: writeElement(schema, element, response), items });
  };
  record('create', 'm:CreateItemResponse', runOperation('CreateItem', world.alice, { SendMeetingInvitations: 'SendToAllAndSaveCopy', Items: [
    { $el: 'CalendarItem', Subject: 'Weekly', Start: '2024-01-17T14:00:00Z', End: '2024-01-17T14:30:00Z', RequiredAttendees: [{ Mailbox: mailboxOf('bob@contoso.com') }],
      Recurrence: { WeeklyRecurrence: { Interval: 1, DaysOfWeek: ['Wednesday'] }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 10 } } },
    { $el: 'CalendarItem', Subject: 'Sync', Start: '2024-01-18T14:00:00Z', End: '2024-01-18T14:30:00Z', RequiredAttendees: [{ Mailbox: mailboxOf('bob@contoso.com') }] },
    { $el: 'Contact', GivenName: 'Dana', EmailAddresses: [{ Key: 'EmailAddress1', $value: 'dana@fabrikam.com' }], PhysicalAddresses: [{ Key: 'Home', City: 'Springfield' }] },
    { $el: 'Task', Subject: 'Chore', DueDate: '2024-02-01T00:00:00Z' },
    { $el: 'Message', Subject: 'No disposition' },
  ] }));
  const draft = createdIds(runOperation('CreateItem', world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'Draft', ToRecipients: [mailboxOf('bob@contoso.com')],
    ExtendedProperty: [{ ExtendedFieldURI: { PropertyTag: '0x1090', PropertyType: 'Integer' }, Value: '2' }] }] }))[0];
  record('attach', 'm:CreateAttachmentResponse', runOperation('CreateAttachment', world.alice, { ParentItemId: draft, Attachments: [{ $el: 'FileAttachment', Name: 'a.bin', Content: 'AAEC' }, { $el: 'ItemAttachment', Name: 'inner', Message: { Subject: 'Inner' } }] }));
  const sync = world.alice.mailbox.itemsIn(world.alice.mailbox.distinguishedFolder('calendar')!.key).find((item) => item.data.Subject === 'Sync')!;
  runOperation('DeleteItem', world.alice, { DeleteType: 'MoveToDeletedItems', SendMeetingCancellations: 'SendToAllAndSaveCopy', ItemIds: [itemId(sync.data.ItemId!)] });
  for (const context of [world.alice, world.bob]) for (const where of FOLDERS) listAndGet(context, where, record);
  record('grouped', 'm:FindItemResponse', runOperation('FindItem', world.alice, { Traversal: 'Shallow', ItemShape: { BaseShape: 'Default' },
    GroupBy: { Order: 'Descending', FieldURI: { FieldURI: 'message:From' }, AggregateOn: { Aggregate: 'Minimum', FieldURI: { FieldURI: 'item:DateTimeReceived' } } }, ParentFolderIds: [folder('inbox')] }));
  record('calendar-view', 'm:FindItemResponse', runOperation('FindItem', world.bob, { Traversal: 'Shallow', ItemShape: { BaseShape: 'AllProperties' },
    CalendarView: { StartDate: '2024-01-01T00:00:00Z', EndDate: '2024-12-01T00:00:00Z' }, ParentFolderIds: [folder('calendar')] }));
  record('get-folder', 'm:GetFolderResponse', runOperation('GetFolder', world.alice, { FolderShape: { BaseShape: 'AllProperties' }, FolderIds: [...FOLDERS.map(folder), { $el: 'FolderId', Id: 'bogus' }] }));
  record('find-folder', 'm:FindFolderResponse', runOperation('FindFolder', world.alice, { Traversal: 'Deep', FolderShape: { BaseShape: 'AllProperties' }, IndexedPageFolderView: { Offset: 0, BasePoint: 'Beginning' }, ParentFolderIds: [folder('root')] }));
  record('invalid-property', 'm:GetItemResponse', runOperation('GetItem', world.alice, { ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('calendar:Start')] }, ItemIds: [itemId(draft)] }));
  record('update', 'm:UpdateItemResponse', runOperation('UpdateItem', world.alice, { ConflictResolution: 'AlwaysOverwrite', MessageDisposition: 'SaveOnly',
    ItemChanges: [{ ItemId: draft, Updates: [{ $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject: 'Renamed' } }] }, { ItemId: draft, Updates: [] }] }));
  record('get-attachment', 'm:GetAttachmentResponse', runOperation('GetAttachment', world.alice, { AttachmentIds: [{ Id: 'bogus' }] }));
  record('delete', 'm:DeleteItemResponse', runOperation('DeleteItem', world.alice, { DeleteType: 'HardDelete', ItemIds: [itemId(draft), itemId(draft)] }));
  return written;
}

function listAndGet(context: OperationContext, where: (typeof FOLDERS)[number], record: (name: string, element: string, response: { ResponseMessages: m.ArrayOfResponseMessagesTypeEntry[] }) => void): void {
  const name = `${context.mailbox.identity.displayName} ${where}`;
  for (const BaseShape of SHAPES) {
    const found = runOperation('FindItem', context, { Traversal: 'Shallow', ItemShape: { BaseShape }, IndexedPageItemView: { MaxEntriesReturned: 5, Offset: 0, BasePoint: 'Beginning' }, ParentFolderIds: [folder(where)] });
    record(`find ${name} ${BaseShape}`, 'm:FindItemResponse', found);
    const ids = ((found.ResponseMessages[0] as m.FindItemResponseMessageType).RootFolder?.Items ?? []).map((item) => itemId(item.ItemId!));
    if (ids.length > 0) record(`get ${name} ${BaseShape}`, 'm:GetItemResponse', runOperation('GetItem', context, { ItemShape: { BaseShape, IncludeMimeContent: true, BodyType: 'Text' }, ItemIds: ids }));
  }
  record(`sync ${name}`, 'm:SyncFolderItemsResponse', runOperation('SyncFolderItems', context, { ItemShape: { BaseShape: 'AllProperties' }, SyncFolderId: target(where), MaxChangesReturned: 100 }));
}

describe('schema conformance of responses', () => {
  const written = scenario();

  test('every response written by the SDK writer is valid against the EWS schemas', async () => {
    const validator = await XsdValidator.shared();
    const results = await validator.validate(written.map(({ name, xml }) => ({ name, xml })));
    expect(results.filter((result) => !result.valid).map((result) => `${result.name}: ${result.errors.slice(0, 3).join(' | ')}`)).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });

  test('no shaped item has a property its element type does not declare', () => {
    const items = written.flatMap((entry) => entry.items);
    expect(new Set(items.map((item) => item.$el))).toEqual(new Set(['CalendarItem', 'Contact', 'Task', 'Message', 'MeetingRequest', 'MeetingCancellation']));
    const undeclared = items.flatMap((item) => Object.keys(item)
      .filter((property) => !property.startsWith('$') && !elementField(typeOfElement(item.$el), property))
      .map((property) => `${item.$el}.${property}`));
    expect(undeclared).toEqual([]);
  });
});
