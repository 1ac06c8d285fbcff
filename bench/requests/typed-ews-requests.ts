/** The typed request bodies typed-ews sends: plain objects shaped by generated/messages.ts. */
import type { CreateItemType, DeleteItemType, FindItemType, GetItemType } from '../../generated/messages';
import type { CalendarItemType, UnindexedFieldURIType } from '../../generated/types';
import type { Appointment } from '../fixtures/workload';

const fieldUri = (path: UnindexedFieldURIType) => ({ $el: 'FieldURI' as const, FieldURI: path });

export function findItemGroupedRequest(count: number): FindItemType {
  return {
    Traversal: 'Shallow',
    ItemShape: {
      BaseShape: 'IdOnly',
      AdditionalProperties: (['item:Subject', 'item:DateTimeReceived', 'item:Categories', 'message:From'] as const).map(fieldUri),
    },
    IndexedPageItemView: { MaxEntriesReturned: count, Offset: 0, BasePoint: 'Beginning' },
    GroupBy: {
      Order: 'Ascending',
      FieldURI: { FieldURI: 'message:From' },
      AggregateOn: { Aggregate: 'Maximum', FieldURI: { FieldURI: 'item:DateTimeReceived' } },
    },
    ParentFolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }],
  };
}

export function findItemPageRequest(offset: number, pageSize: number): FindItemType {
  return {
    Traversal: 'Shallow',
    ItemShape: {
      BaseShape: 'IdOnly',
      AdditionalProperties: (['item:Subject', 'item:DateTimeReceived', 'item:Categories', 'message:From'] as const).map(fieldUri),
    },
    IndexedPageItemView: { MaxEntriesReturned: pageSize, Offset: offset, BasePoint: 'Beginning' },
    ParentFolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }],
  };
}

export function getItemRequest(ids: readonly string[]): GetItemType {
  return {
    ItemShape: { BaseShape: 'Default', BodyType: 'HTML' },
    ItemIds: ids.map((Id) => ({ $el: 'ItemId' as const, Id })),
  };
}

export function deleteItemRequest(ids: readonly string[]): DeleteItemType {
  return {
    DeleteType: 'MoveToDeletedItems',
    SendMeetingCancellations: 'SendToNone',
    AffectedTaskOccurrences: 'AllOccurrences',
    ItemIds: ids.map((Id) => ({ $el: 'ItemId' as const, Id })),
  };
}

export function calendarItem(appointment: Appointment): { $el: 'CalendarItem' } & CalendarItemType {
  return {
    $el: 'CalendarItem',
    Subject: appointment.subject,
    Body: { BodyType: 'HTML', $value: appointment.htmlBody },
    Start: appointment.start,
    End: appointment.end,
    Location: appointment.location,
    RequiredAttendees: appointment.attendees.map((who) => ({ Mailbox: { Name: who.name, EmailAddress: who.email } })),
  };
}

export function createItemRequest(appointments: readonly Appointment[]): CreateItemType {
  return {
    SendMeetingInvitations: 'SendToNone',
    SavedItemFolderId: { DistinguishedFolderId: { Id: 'calendar' } },
    Items: appointments.map(calendarItem),
  };
}
