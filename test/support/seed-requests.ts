/**
 * The seeds' requests as typed request bodies: three calendar items (an appointment, a weekly meeting
 * recurring ten times, a meeting with three attendees), and the grouped inbox search (first 50 items
 * grouped by sender, newest first, groups ordered by their earliest item, newest first).
 */
import type { CreateItemType, DeleteItemType, FindItemType, GetItemType, UpdateItemType } from '../../generated/messages';
import type { CalendarItemType } from '../../generated/types';

export const seedCalendarItems: CalendarItemType[] = [
  {
    Subject: 'Dentist', Body: { BodyType: 'Text', $value: 'Check-up & cleaning' },
    Start: '2026-11-23T08:00:00Z', End: '2026-11-23T08:45:00Z', Location: 'Main St 5', LegacyFreeBusyStatus: 'Busy',
  },
  {
    Subject: 'Weekly sync', Start: '2026-11-24T09:00:00Z', End: '2026-11-24T09:30:00Z',
    Recurrence: {
      WeeklyRecurrence: { Interval: 1, DaysOfWeek: ['Tuesday'] },
      NumberedRecurrence: { StartDate: '2026-11-24', NumberOfOccurrences: 10 },
    },
  },
  {
    Subject: 'Quarterly review', Start: '2026-11-25T13:00:00Z', End: '2026-11-25T14:00:00Z', Location: 'Room 4.1',
    RequiredAttendees: [
      { Mailbox: { EmailAddress: 'bob@contoso.com', Name: 'Bob' } },
      { Mailbox: { EmailAddress: 'carol@contoso.com', Name: 'Carol' } },
    ],
    OptionalAttendees: [{ Mailbox: { EmailAddress: 'dave@contoso.com', Name: 'Dave' } }],
  },
];

export const seedIds = ['AAMkADAxAAA=', 'AAMkADAxAAB=', 'AAMkADAxAAC='].map((Id, i) => ({ Id, ChangeKey: `DwAAABYAAA${i}` }));

export const seedCreateItem: CreateItemType = {
  SendMeetingInvitations: 'SendToAllAndSaveCopy',
  SavedItemFolderId: { DistinguishedFolderId: { Id: 'calendar' } },
  Items: seedCalendarItems.map((item) => ({ $el: 'CalendarItem' as const, ...item })),
};

export const seedGetItem: GetItemType = {
  ItemShape: {
    BaseShape: 'Default',
    AdditionalProperties: [{ $el: 'FieldURI', FieldURI: 'calendar:IsRecurring' }, { $el: 'FieldURI', FieldURI: 'calendar:RequiredAttendees' }],
  },
  ItemIds: seedIds.map((id) => ({ $el: 'ItemId' as const, ...id })),
};

export const seedUpdateItem: UpdateItemType = {
  ConflictResolution: 'AutoResolve',
  SendMeetingInvitationsOrCancellations: 'SendToNone',
  ItemChanges: seedIds.map((id, i) => ({
    ItemId: id,
    Updates: [{
      $el: 'SetItemField' as const,
      FieldURI: { FieldURI: 'item:Subject' },
      CalendarItem: { Subject: `${seedCalendarItems[i].Subject} (updated)` },
    }],
  })),
};

export const seedDeleteItem: DeleteItemType = {
  DeleteType: 'MoveToDeletedItems',
  SendMeetingCancellations: 'SendToNone',
  ItemIds: seedIds.map((id) => ({ $el: 'ItemId' as const, ...id })),
};

export const seedGroupedFindItem: FindItemType = {
  Traversal: 'Shallow',
  ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [
    { $el: 'FieldURI', FieldURI: 'item:Subject' }, { $el: 'FieldURI', FieldURI: 'item:DateTimeReceived' }, { $el: 'FieldURI', FieldURI: 'message:From' },
  ] },
  IndexedPageItemView: { MaxEntriesReturned: 50, Offset: 0, BasePoint: 'Beginning' },
  GroupBy: {
    Order: 'Descending',
    FieldURI: { FieldURI: 'message:From' },
    AggregateOn: { Aggregate: 'Minimum', FieldURI: { FieldURI: 'item:DateTimeReceived' } },
  },
  SortOrder: [{ Order: 'Descending', FieldURI: { FieldURI: 'item:DateTimeReceived' } }],
  ParentFolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }],
};
