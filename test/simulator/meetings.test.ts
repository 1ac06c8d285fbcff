/**
 * Meetings between local mailboxes: invitations on create, updates on UpdateItem according to
 * SendMeetingInvitationsOrCancellations, and recurring meetings in the attendee's calendar.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { createItem } from '../../src/simulator/operations/create-item';
import { findItem } from '../../src/simulator/operations/find-item';
import { updateItem } from '../../src/simulator/operations/update-item';
import type { Mailbox } from '../../src/simulator/store/mailbox';
import { createdIds, folder, mailboxOf, newWorld, only, type World } from './fixtures';

function invite(world: World, invitations: t.CalendarItemCreateOrDeleteOperationType, extra: Partial<t.CalendarItemType> = {}): t.ItemIdType {
  return createdIds(createItem(world.alice, { SendMeetingInvitations: invitations, Items: [{
    $el: 'CalendarItem', Subject: 'Review', Start: '2024-01-22T15:00:00Z', End: '2024-01-22T16:00:00Z', RequiredAttendees: [{ Mailbox: mailboxOf('bob@contoso.com') }], ...extra,
  }] }))[0];
}

const elementsIn = (mailbox: Mailbox, id: t.DistinguishedFolderIdNameType) => mailbox.itemsIn(mailbox.distinguishedFolder(id)!.key).map((item) => item.element);

function moveMeeting(world: World, id: t.ItemIdType, mode: t.CalendarItemUpdateOperationType): m.ArrayOfResponseMessagesTypeEntry {
  return updateItem(world.alice, {
    ConflictResolution: 'AlwaysOverwrite', SendMeetingInvitationsOrCancellations: mode,
    ItemChanges: [{ ItemId: id, Updates: [
      { $el: 'SetItemField', FieldURI: { FieldURI: 'calendar:Start' }, CalendarItem: { Start: '2024-01-23T15:00:00Z' } },
      { $el: 'SetItemField', FieldURI: { FieldURI: 'calendar:End' }, CalendarItem: { End: '2024-01-23T16:30:00Z' } },
    ] }],
  }).ResponseMessages[0];
}

describe('meetings', () => {
  test('SendOnlyToAll invites without a copy in Sent Items; the organizer\'s item says the request was sent', () => {
    const world = newWorld();
    invite(world, 'SendOnlyToAll');
    expect(elementsIn(world.bob.mailbox, 'inbox')).toEqual(['MeetingRequest']);
    expect(elementsIn(world.alice.mailbox, 'sentitems')).toEqual([]);
    const organizer = world.alice.mailbox.itemsIn(world.alice.mailbox.distinguishedFolder('calendar')!.key)[0];
    expect(organizer.data).toMatchObject({ MeetingRequestWasSent: true, IsMeeting: true, AppointmentState: 1, DisplayTo: 'Bob Brown' });
  });

  test('SendToNone creates the meeting without inviting anyone', () => {
    const world = newWorld();
    invite(world, 'SendToNone');
    expect(elementsIn(world.bob.mailbox, 'inbox')).toEqual([]);
  });

  test('moving a meeting with SendToAllAndSaveCopy sends an update that moves the attendee\'s entry', () => {
    const world = newWorld();
    const id = invite(world, 'SendToAllAndSaveCopy');
    expect(moveMeeting(world, id, 'SendToAllAndSaveCopy')).toMatchObject({ ResponseClass: 'Success' });
    const bob = world.bob.mailbox;
    const requests = bob.itemsIn(bob.distinguishedFolder('inbox')!.key).map((item) => item.data.MeetingRequestType);
    expect(requests).toEqual(['NewMeetingRequest', 'FullUpdate']);
    const entries = bob.itemsIn(bob.distinguishedFolder('calendar')!.key);
    expect(entries.map((item) => [item.data.Start, item.data.End, item.data.AppointmentSequenceNumber])).toEqual([['2024-01-23T15:00:00Z', '2024-01-23T16:30:00Z', 1]]);
    expect(elementsIn(world.alice.mailbox, 'sentitems')).toEqual(['MeetingRequest', 'MeetingRequest']);
    expect(world.alice.mailbox.itemsIn(world.alice.mailbox.distinguishedFolder('calendar')!.key)[0].data.Duration).toBe('PT1H30M');
  });

  test('an update with SendToNone leaves the attendees alone', () => {
    const world = newWorld();
    const id = invite(world, 'SendToAllAndSaveCopy');
    moveMeeting(world, id, 'SendToNone');
    expect(elementsIn(world.bob.mailbox, 'inbox')).toEqual(['MeetingRequest']);
    expect(world.bob.mailbox.itemsIn(world.bob.mailbox.distinguishedFolder('calendar')!.key)[0].data.Start).toBe('2024-01-22T15:00:00Z');
  });

  test('a recurring meeting arrives as a series the attendee\'s CalendarView expands', () => {
    const world = newWorld();
    invite(world, 'SendOnlyToAll', { Recurrence: { DailyRecurrence: { Interval: 1 }, NumberedRecurrence: { StartDate: '2024-01-22', NumberOfOccurrences: 3 } } });
    const response = findItem(world.bob, {
      Traversal: 'Shallow', ItemShape: { BaseShape: 'Default' }, CalendarView: { StartDate: '2024-01-01T00:00:00Z', EndDate: '2024-02-01T00:00:00Z' }, ParentFolderIds: [folder('calendar')],
    });
    const items = only<m.FindItemResponseMessageType & { $el: 'FindItemResponseMessage' }>(response).RootFolder!.Items as t.CalendarItemType[];
    expect(items.map((item) => [item.Start, item.CalendarItemType, item.Organizer?.Mailbox.Name])).toEqual([
      ['2024-01-22T15:00:00Z', 'Occurrence', 'Alice Anders'], ['2024-01-23T15:00:00Z', 'Occurrence', 'Alice Anders'], ['2024-01-24T15:00:00Z', 'Occurrence', 'Alice Anders'],
    ]);
  });
});
