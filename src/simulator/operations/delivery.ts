/**
 * Mail flow inside the simulated organisation: sending a message delivers a copy to the Inbox of each
 * recipient who has a mailbox here (others are silently "sent" outside), and optionally keeps a copy
 * in the sender's Sent Items. Meeting invitations and cancellations travel the same way.
 */
import type * as t from '../../../generated/types';
import type { Mailbox } from '../store/mailbox';
import type { ItemData, ItemElement, StoredFolder, StoredItem } from '../store/records';
import { copyAttachments } from './attachment-store';
import type { OperationContext } from './context';

const CALENDAR_PROPERTIES = ['Start', 'End', 'Location', 'IsAllDayEvent', 'Organizer', 'RequiredAttendees', 'OptionalAttendees',
  'Resources', 'UID', 'Recurrence', 'CalendarItemType', 'IsRecurring', 'AppointmentSequenceNumber', 'Duration', 'When'] as const;

/** Marks a message as sent by `sender` (From, Sender, DateTimeSent, InternetMessageId). */
export function stampSent(context: OperationContext, sender: Mailbox, data: ItemData): void {
  data.From ??= { Mailbox: sender.owner };
  data.Sender ??= { Mailbox: sender.owner };
  data.DateTimeSent = sender.now();
  data.InternetMessageId ??= `<${context.state.serials.hex(32)}@${domainOf(sender)}>`;
  data.IsDraft = false;
  data.IsSubmitted = false;
}

/**
 * Sends a stored draft: delivers it to the local recipients, then moves it to `saveTo` (Sent Items,
 * read) or, without one, deletes it, as Exchange does once a message has been submitted.
 */
export function sendDraft(context: OperationContext, sender: Mailbox, draft: StoredItem, saveTo?: StoredFolder): void {
  stampSent(context, sender, draft.data);
  const data = draft.data;
  const recipients = [...(data.ToRecipients ?? []), ...(data.CcRecipients ?? []), ...(data.BccRecipients ?? [])];
  deliver(context, sender, 'Message', withoutStoreProperties(data), recipients, draft);
  if (!saveTo) {
    sender.removeItem(draft);
    return;
  }
  data.IsRead = true;
  sender.recordChange(draft, ['From', 'Sender', 'DateTimeSent', 'InternetMessageId', 'IsDraft', 'IsRead']);
  sender.moveItem(draft, saveTo.key);
}

/** Invitations to the local attendees of a meeting; each gets a MeetingRequest and a tentative calendar entry. */
export function sendMeetingRequests(context: OperationContext, organizer: Mailbox, meeting: StoredItem, saveCopy: boolean, update = false): void {
  const request: ItemData = {
    ...messagePartOf(meeting.data),
    ...calendarPartOf(meeting.data),
    MeetingRequestType: update ? 'FullUpdate' : 'NewMeetingRequest',
    IntendedFreeBusyStatus: meeting.data.LegacyFreeBusyStatus ?? 'Busy',
    ResponseType: 'NoResponseReceived',
    HasBeenProcessed: true,
  };
  stampSent(context, organizer, request);
  for (const attendee of localAttendees(context, organizer, meeting.data)) {
    const entry = attendeeCalendarItem(attendee, meeting.data);
    deliverTo(attendee, 'MeetingRequest', { ...structuredClone(request), AssociatedCalendarItemId: attendee.itemId(entry) }, meeting);
  }
  meeting.data.MeetingRequestWasSent = true;
  if (saveCopy) organizer.addItem('MeetingRequest', { ...structuredClone(request), IsRead: true }, organizer.distinguishedFolder('sentitems')!.key);
}

/** Cancellation notices to the local attendees; their calendar entries are marked cancelled. */
export function sendMeetingCancellations(context: OperationContext, organizer: Mailbox, meeting: StoredItem, saveCopy: boolean): void {
  const cancellation: ItemData = { ...messagePartOf(meeting.data), ...calendarPartOf(meeting.data), Subject: `Canceled: ${meeting.data.Subject ?? ''}`, Importance: 'High' };
  stampSent(context, organizer, cancellation);
  for (const attendee of localAttendees(context, organizer, meeting.data)) {
    const entry = findByUid(attendee, meeting.data.UID);
    if (entry) {
      Object.assign(entry.data, { IsCancelled: true, Subject: cancellation.Subject, LegacyFreeBusyStatus: 'Free' });
      attendee.recordChange(entry, ['IsCancelled', 'Subject', 'LegacyFreeBusyStatus']);
    }
    deliverTo(attendee, 'MeetingCancellation', { ...structuredClone(cancellation), ...(entry ? { AssociatedCalendarItemId: attendee.itemId(entry) } : {}) });
  }
  if (saveCopy) organizer.addItem('MeetingCancellation', { ...structuredClone(cancellation), IsRead: true }, organizer.distinguishedFolder('sentitems')!.key);
}

/** A copy's properties without the ones the store assigns per item (ids, attachment summary). */
function withoutStoreProperties(data: ItemData): ItemData {
  const { ItemId: _id, ParentFolderId: _parent, Attachments: _attachments, HasAttachments: _has, Size: _size, DateTimeCreated: _created, ...rest } = data;
  return rest as ItemData;
}

function deliver(context: OperationContext, sender: Mailbox, element: ItemElement, data: ItemData, recipients: readonly t.EmailAddressType[], source?: StoredItem): void {
  const reached = new Set<Mailbox>();
  for (const recipient of recipients) {
    const mailbox = recipient.EmailAddress ? context.state.mailbox(recipient.EmailAddress) : undefined;
    if (!mailbox || reached.has(mailbox)) continue;
    reached.add(mailbox);
    deliverTo(mailbox, element, { ...structuredClone(data), IsFromMe: mailbox === sender }, source);
  }
}

/** A received copy: unread, in the Inbox, Bcc hidden. */
function deliverTo(mailbox: Mailbox, element: ItemElement, data: ItemData, source?: StoredItem): StoredItem {
  const { BccRecipients: _hidden, ...visible } = data;
  const received = mailbox.addItem(element, { ...visible, IsRead: false, DateTimeReceived: mailbox.now(), ReceivedBy: { Mailbox: mailbox.owner } }, mailbox.distinguishedFolder('inbox')!.key);
  if (source?.attachments.length) {
    copyAttachments(source, mailbox, received);
    mailbox.recordChange(received, ['Attachments']);
  }
  return received;
}

/** The attendee's own calendar entry for the meeting (matched by UID), created or brought up to date. */
function attendeeCalendarItem(attendee: Mailbox, meeting: ItemData): StoredItem {
  const fields: ItemData = {
    ...calendarPartOf(meeting), Subject: meeting.Subject, Body: meeting.Body, Sensitivity: meeting.Sensitivity ?? 'Normal', Importance: meeting.Importance ?? 'Normal',
    IsMeeting: true, IsCancelled: false, MyResponseType: 'NoResponseReceived', LegacyFreeBusyStatus: 'Tentative', AppointmentState: 3,
    IsOrganizer: false, IsResponseRequested: true, MeetingRequestWasSent: false, DateTimeReceived: attendee.now(),
  };
  const existing = findByUid(attendee, meeting.UID);
  if (!existing) return attendee.addItem('CalendarItem', structuredClone(fields), attendee.distinguishedFolder('calendar')!.key);
  Object.assign(existing.data, structuredClone(fields));
  attendee.recordChange(existing, Object.keys(fields));
  return existing;
}

function findByUid(mailbox: Mailbox, uid: string | undefined): StoredItem | undefined {
  const calendar = mailbox.distinguishedFolder('calendar')!;
  return uid === undefined ? undefined : mailbox.itemsIn(calendar.key).find((item) => item.data.UID === uid);
}

function localAttendees(context: OperationContext, organizer: Mailbox, meeting: ItemData): Mailbox[] {
  const attendees = [...(meeting.RequiredAttendees ?? []), ...(meeting.OptionalAttendees ?? []), ...(meeting.Resources ?? [])];
  const mailboxes = attendees.map((attendee) => (attendee.Mailbox.EmailAddress ? context.state.mailbox(attendee.Mailbox.EmailAddress) : undefined));
  return [...new Set(mailboxes)].filter((mailbox): mailbox is Mailbox => mailbox !== undefined && mailbox !== organizer);
}

/** The message side of a meeting notice: subject, body, and the attendees as recipients. */
function messagePartOf(meeting: ItemData): ItemData {
  return {
    Subject: meeting.Subject, Body: meeting.Body, Sensitivity: meeting.Sensitivity ?? 'Normal', Importance: meeting.Importance ?? 'Normal',
    ToRecipients: meeting.RequiredAttendees?.map((attendee) => attendee.Mailbox),
    CcRecipients: meeting.OptionalAttendees?.map((attendee) => attendee.Mailbox),
    ConversationTopic: meeting.Subject, IsMeeting: true, IsDeliveryReceiptRequested: false, IsReadReceiptRequested: false,
  };
}

function calendarPartOf(meeting: ItemData): ItemData {
  const part: Record<string, unknown> = {};
  for (const property of CALENDAR_PROPERTIES) if (meeting[property] !== undefined) part[property] = structuredClone(meeting[property]);
  return part as ItemData;
}

function domainOf(mailbox: Mailbox): string {
  return mailbox.identity.smtpAddress.split('@')[1] ?? 'simulator.local';
}
