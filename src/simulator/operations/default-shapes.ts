/**
 * BaseShape Default: the Exchange-like subset of properties returned for each item type (after the
 * GetItem responses in Microsoft's documentation), and what FindItem can never return.
 */
import type { ServedItemElement } from '../store/records';

const ITEM = ['ItemId', 'Subject', 'Sensitivity', 'Body', 'Attachments', 'Size', 'DateTimeSent', 'DateTimeCreated', 'HasAttachments'];
const MESSAGE = [...ITEM, 'DateTimeReceived', 'ToRecipients', 'CcRecipients', 'IsReadReceiptRequested', 'IsDeliveryReceiptRequested', 'From', 'IsRead'];
const CALENDAR = ['ItemId', 'Subject', 'Attachments', 'HasAttachments', 'Start', 'End', 'IsAllDayEvent', 'LegacyFreeBusyStatus', 'Location',
  'CalendarItemType', 'Organizer', 'RequiredAttendees', 'OptionalAttendees', 'Resources'];
const MEETING_MESSAGE = [...MESSAGE, 'AssociatedCalendarItemId', 'IsDelegated', 'IsOutOfDate', 'HasBeenProcessed', 'ResponseType'];
const CONTACT = ['ItemId', 'Subject', 'Attachments', 'HasAttachments', 'FileAs', 'DisplayName', 'GivenName', 'Surname', 'CompanyName',
  'EmailAddresses', 'PhysicalAddresses', 'PhoneNumbers', 'JobTitle'];
const TASK = [...ITEM, 'DueDate', 'IsComplete', 'IsRecurring', 'PercentComplete', 'StartDate', 'Status'];

// The index signature: an SDK generated from an older release's schema has fewer item elements; one from
// Exchange 2016's has more, which the simulator does not serve.
export const DEFAULT_PROPERTIES: Readonly<Record<ServedItemElement, readonly string[]>> & Readonly<Record<string, readonly string[]>> = {
  Item: ITEM,
  Message: MESSAGE,
  SharingMessage: MESSAGE,
  PostItem: [...ITEM, 'DateTimeReceived', 'From', 'IsRead'],
  CalendarItem: CALENDAR,
  MeetingMessage: MEETING_MESSAGE,
  MeetingRequest: [...MEETING_MESSAGE, 'MeetingRequestType', 'Start', 'End', 'Location', 'Organizer', 'RequiredAttendees', 'OptionalAttendees'],
  MeetingResponse: MEETING_MESSAGE,
  MeetingCancellation: [...MEETING_MESSAGE, 'Start', 'End', 'Location'],
  Contact: CONTACT,
  DistributionList: ['ItemId', 'Subject', 'DisplayName', 'FileAs', 'Members'],
  Task: TASK,
  RoleMember: ['ItemId'],
  Network: ['ItemId'],
  Person: ['ItemId'],
};

/** Streamed or per-item properties FindItem never returns, whatever the shape asks. */
export const NOT_IN_FIND_ITEM: ReadonlySet<string> = new Set(['Body', 'Attachments', 'MimeContent', 'UniqueBody', 'NormalizedBody', 'TextBody']);

/** Properties AllProperties leaves out unless asked (MimeContent comes with IncludeMimeContent). */
export const NOT_IN_ALL_PROPERTIES: ReadonlySet<string> = new Set(['MimeContent']);
