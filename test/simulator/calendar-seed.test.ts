/**
 * The seed sequence on calendar items: create three (an appointment, a weekly series of ten, a meeting
 * with three attendees), get them, update their subjects (with the ChangeKey rules), delete them twice.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { createItem } from '../../src/simulator/operations/create-item';
import { deleteItem } from '../../src/simulator/operations/delete-item';
import { findItem } from '../../src/simulator/operations/find-item';
import { getItem } from '../../src/simulator/operations/get-item';
import { updateItem } from '../../src/simulator/operations/update-item';
import { createdIds, fieldUri, itemId, newWorld, target, type World } from './fixtures';

const appointment: t.NonEmptyArrayOfAllItemsTypeEntry = {
  $el: 'CalendarItem', Subject: 'Dentist', Body: { BodyType: 'Text', $value: 'Bring the forms' },
  Start: '2024-01-16T10:00:00Z', End: '2024-01-16T11:00:00Z', Location: 'Main Street 1',
};
const weekly: t.NonEmptyArrayOfAllItemsTypeEntry = {
  $el: 'CalendarItem', Subject: 'Team sync', Start: '2024-01-17T14:00:00Z', End: '2024-01-17T14:30:00Z',
  Recurrence: { WeeklyRecurrence: { Interval: 1, DaysOfWeek: ['Wednesday'] }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 10 } },
};
const meeting: t.NonEmptyArrayOfAllItemsTypeEntry = {
  $el: 'CalendarItem', Subject: 'Planning', Start: '2024-01-18T09:00:00Z', End: '2024-01-18T10:00:00Z',
  RequiredAttendees: [{ Mailbox: { EmailAddress: 'bob@contoso.com' } }, { Mailbox: { EmailAddress: 'partner@fabrikam.com', Name: 'Pat Partner' } }],
  OptionalAttendees: [{ Mailbox: { EmailAddress: 'CAROL@contoso.com' } }],
};

function seed(world: World): t.ItemIdType[] {
  return createdIds(createItem(world.alice, { SendMeetingInvitations: 'SendToAllAndSaveCopy', SavedItemFolderId: target('calendar'), Items: [appointment, weekly, meeting] }));
}

function items(response: m.GetItemResponseType): t.ArrayOfRealItemsTypeEntry[] {
  return response.ResponseMessages.map((entry) => (entry.$el === 'GetItemResponseMessage' ? entry.Items[0] : undefined)!);
}

describe('seed sequence on calendar items', () => {
  test('CreateItem answers one message per item, in order, each with an Exchange-like ItemId and ChangeKey', () => {
    const world = newWorld();
    const ids = seed(world);
    expect(ids).toHaveLength(3);
    for (const id of ids) {
      expect(id.Id).toMatch(/^AAMkA[A-Za-z0-9+/]{140,}={0,2}$/);
      expect(id.Id.length).toBeGreaterThanOrEqual(140);
      expect(id.ChangeKey).toMatch(/^DwAAABYA/);
    }
    expect(new Set(ids.map((id) => id.Id)).size).toBe(3);
  });

  test('GetItem Default returns the calendar subset; the series master keeps its pattern and the meeting its attendees', () => {
    const world = newWorld();
    const ids = seed(world);
    const [single, master, planning] = items(getItem(world.alice, { ItemShape: { BaseShape: 'Default' }, ItemIds: ids.map(itemId) })) as t.CalendarItemType[];
    expect(single).toMatchObject({ $el: 'CalendarItem', Subject: 'Dentist', Start: '2024-01-16T10:00:00Z', End: '2024-01-16T11:00:00Z', Location: 'Main Street 1', CalendarItemType: 'Single' });
    expect(single).not.toHaveProperty('Body');
    expect(master).toMatchObject({ Subject: 'Team sync', CalendarItemType: 'RecurringMaster' });
    expect(planning.RequiredAttendees!.map((a) => [a.Mailbox.Name, a.Mailbox.MailboxType])).toEqual([['Bob Brown', 'Mailbox'], ['Pat Partner', 'OneOff']]);
    expect(planning.Organizer!.Mailbox).toMatchObject({ Name: 'Alice Anders', EmailAddress: 'alice@contoso.com', RoutingType: 'SMTP' });
  });

  test('GetItem AllProperties with AdditionalProperties adds server properties, the recurrence and its first and last occurrence', () => {
    const world = newWorld();
    const ids = seed(world);
    const [single, master] = items(getItem(world.alice, {
      ItemShape: { BaseShape: 'AllProperties', AdditionalProperties: [fieldUri('item:Body'), fieldUri('calendar:Recurrence'), fieldUri('calendar:LastOccurrence')] },
      ItemIds: ids.slice(0, 2).map(itemId),
    })) as t.CalendarItemType[];
    expect(single).toMatchObject({
      ItemClass: 'IPM.Appointment', Body: { BodyType: 'Text', $value: 'Bring the forms' }, DateTimeCreated: '2024-01-15T09:00:00Z',
      LastModifiedTime: '2024-01-15T09:00:00Z', HasAttachments: false, Duration: 'PT1H', IsMeeting: false, MyResponseType: 'Organizer',
    });
    expect(single.Size).toBeGreaterThan(0);
    expect(single.ParentFolderId!.Id).toBe(world.alice.mailbox.folderId(world.alice.mailbox.distinguishedFolder('calendar')!).Id);
    expect(master.Recurrence!.WeeklyRecurrence).toEqual({ Interval: 1, DaysOfWeek: ['Wednesday'] });
    expect(master.FirstOccurrence).toMatchObject({ Start: '2024-01-17T14:00:00Z', End: '2024-01-17T14:30:00Z' });
    expect(master.LastOccurrence).toMatchObject({ Start: '2024-03-20T14:00:00Z', OriginalStart: '2024-03-20T14:00:00Z' });
  });

  test('SendToAllAndSaveCopy invites the local attendees (case-insensitive addresses) and keeps a copy in Sent Items', () => {
    const world = newWorld();
    seed(world);
    for (const attendee of [world.bob, world.carol]) {
      const inbox = attendee.mailbox.itemsIn(attendee.mailbox.distinguishedFolder('inbox')!.key);
      expect(inbox.map((item) => [item.element, item.data.Subject, item.data.IsRead])).toEqual([['MeetingRequest', 'Planning', false]]);
      const calendar = attendee.mailbox.itemsIn(attendee.mailbox.distinguishedFolder('calendar')!.key);
      expect(calendar.map((item) => [item.data.Subject, item.data.MyResponseType, item.data.LegacyFreeBusyStatus])).toEqual([['Planning', 'NoResponseReceived', 'Tentative']]);
      expect(inbox[0].data.AssociatedCalendarItemId!.Id).toBe(calendar[0].data.ItemId!.Id);
    }
    const sent = world.alice.mailbox.itemsIn(world.alice.mailbox.distinguishedFolder('sentitems')!.key);
    expect(sent.map((item) => item.element)).toEqual(['MeetingRequest']);
  });

  test('UpdateItem changes the subjects and hands back new ChangeKeys; a stale ChangeKey with NeverOverwrite is an irresolvable conflict', () => {
    const world = newWorld();
    const ids = seed(world);
    const rename = (id: t.ItemIdType, subject: string): t.ItemChangeType => ({
      ItemId: id, Updates: [{ $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, CalendarItem: { Subject: subject } }],
    });
    world.clock.advance(60_000);
    const updated = updateItem(world.alice, { ConflictResolution: 'AutoResolve', SendMeetingInvitationsOrCancellations: 'SendToNone', ItemChanges: ids.map((id, i) => rename(id, `Renamed ${i}`)) });
    const newIds = updated.ResponseMessages.map((entry) => {
      expect(entry).toMatchObject({ ResponseClass: 'Success', ResponseCode: 'NoError', ConflictResults: { Count: 0 } });
      return (entry as m.UpdateItemResponseMessageType).Items[0].ItemId!;
    });
    newIds.forEach((id, i) => {
      expect(id.Id).toBe(ids[i].Id);
      expect(id.ChangeKey).not.toBe(ids[i].ChangeKey);
    });
    const subjects = items(getItem(world.alice, { ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('item:Subject'), fieldUri('item:LastModifiedTime')] }, ItemIds: newIds.map(itemId) }));
    expect(subjects.map((item) => [item.Subject, item.LastModifiedTime])).toEqual([0, 1, 2].map((i) => [`Renamed ${i}`, '2024-01-15T09:01:00Z']));

    const stale = updateItem(world.alice, { ConflictResolution: 'NeverOverwrite', SendMeetingInvitationsOrCancellations: 'SendToNone', ItemChanges: [rename(ids[0], 'Too late')] });
    expect(stale.ResponseMessages[0]).toMatchObject({
      ResponseClass: 'Error', ResponseCode: 'ErrorIrresolvableConflict', Items: [],
      MessageText: 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    });
  });

  test('DeleteItem succeeds once per item; deleting again fails per item with ErrorItemNotFound', () => {
    const world = newWorld();
    const ids = seed(world).map(itemId);
    const first = deleteItem(world.alice, { DeleteType: 'HardDelete', SendMeetingCancellations: 'SendToNone', ItemIds: ids });
    expect(first.ResponseMessages.map((entry) => [entry.$el, entry.ResponseClass, entry.ResponseCode])).toEqual(Array(3).fill(['DeleteItemResponseMessage', 'Success', 'NoError']));
    const second = deleteItem(world.alice, { DeleteType: 'HardDelete', SendMeetingCancellations: 'SendToNone', ItemIds: ids });
    expect(second.ResponseMessages).toEqual(Array(3).fill({
      $el: 'DeleteItemResponseMessage', ResponseClass: 'Error', ResponseCode: 'ErrorItemNotFound',
      MessageText: 'The specified object was not found in the store.', DescriptiveLinkKey: 0,
    }));
    const left = findItem(world.alice, { Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: [{ $el: 'DistinguishedFolderId', Id: 'calendar' }] });
    expect(left.ResponseMessages[0]).toMatchObject({ RootFolder: { TotalItemsInView: 0, Items: [] } });
  });

  test('deleting a meeting with SendToAllAndSaveCopy cancels it for the local attendees', () => {
    const world = newWorld();
    const ids = seed(world);
    deleteItem(world.alice, { DeleteType: 'MoveToDeletedItems', SendMeetingCancellations: 'SendToAllAndSaveCopy', ItemIds: [itemId(ids[2])] });
    const bob = world.bob.mailbox;
    const inbox = bob.itemsIn(bob.distinguishedFolder('inbox')!.key).map((item) => [item.element, item.data.Subject]);
    expect(inbox).toEqual([['MeetingRequest', 'Planning'], ['MeetingCancellation', 'Canceled: Planning']]);
    expect(bob.itemsIn(bob.distinguishedFolder('calendar')!.key)[0].data).toMatchObject({ IsCancelled: true, LegacyFreeBusyStatus: 'Free' });
    const deletedItems = world.alice.mailbox.itemsIn(world.alice.mailbox.distinguishedFolder('deleteditems')!.key);
    expect(deletedItems.map((item) => item.data.Subject)).toEqual(['Planning']);
  });
});
