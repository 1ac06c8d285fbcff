/**
 * Turning an item of a CreateItem request into stored properties: drop what only the server sets,
 * normalise date-times to UTC, resolve recipients against local mailboxes, and fill the defaults
 * Exchange gives each item type (Sensitivity, ItemClass, calendar and task status fields, ...).
 */
import type * as t from '../../../generated/types';
import { ewsDateTime, parseEwsDateTime } from '../store/clock';
import type { ItemData, ItemElement } from '../store/records';
import type { SimulatorState } from '../store/state';
import type { OperationContext } from './context';
import { ResponseError } from './errors';
import { dateTimeProperties, typeOfElement } from './schema-facts';

/** Properties a client cannot set: the store computes them. */
const SERVER_PROPERTIES = ['ItemId', 'ParentFolderId', 'Size', 'HasAttachments', 'Attachments', 'DateTimeCreated',
  'LastModifiedTime', 'DisplayTo', 'DisplayCc', 'DisplayBcc', 'EffectiveRights', 'ResponseObjects', 'ConversationId',
  'FirstOccurrence', 'LastOccurrence', 'ModifiedOccurrences', 'DeletedOccurrences', 'IsRecurring', 'CalendarItemType'] as const;

const RECIPIENT_LISTS = ['ToRecipients', 'CcRecipients', 'BccRecipients', 'ReplyTo'] as const;
const ATTENDEE_LISTS = ['RequiredAttendees', 'OptionalAttendees', 'Resources'] as const;
const SINGLE_RECIPIENTS = ['From', 'Sender', 'Organizer', 'ReceivedBy', 'ReceivedRepresenting'] as const;

const STORABLE: ReadonlySet<string> = new Set<ItemElement>(['Item', 'Message', 'CalendarItem', 'Contact', 'DistributionList', 'Task', 'PostItem']);

export interface NewItem {
  readonly element: ItemElement;
  readonly data: ItemData;
  /** Attachments given inline in the CreateItem request. */
  readonly attachments: readonly t.NonEmptyArrayOfAttachmentsTypeEntry[];
}

/** The stored form of a requested item; response objects (ReplyToItem, AcceptItem, ...) are not simulated. */
export function newItemFrom(context: OperationContext, entry: t.NonEmptyArrayOfAllItemsTypeEntry): NewItem {
  if (!STORABLE.has(entry.$el)) {
    throw new ResponseError('ErrorInvalidItemForOperationCreateItem', `The EWS simulator does not create ${entry.$el} items.`);
  }
  const element = entry.$el as ItemElement;
  const { $el: _el, Attachments: attachments, ...given } = structuredClone(entry) as ItemData & { $el: string; Attachments?: t.NonEmptyArrayOfAttachmentsTypeEntry[] };
  for (const property of SERVER_PROPERTIES) delete given[property];
  const data = given as ItemData;
  normaliseDateTimes(data, typeOfElement(element));
  resolveRecipients(context.state, data);
  applyDefaults(context, element, data);
  return { element, data, attachments: attachments ?? [] };
}

/** Date-times as Exchange returns them: UTC, no fraction (`2024-01-15T09:00:00Z`). */
export function normaliseDateTimes(data: ItemData, type: string): void {
  for (const property of dateTimeProperties(type)) {
    const value = data[property];
    if (typeof value !== 'string') continue;
    const parsed = parseEwsDateTime(value);
    if (Number.isNaN(parsed)) throw new ResponseError('ErrorInvalidValueForProperty', `The value of ${property} is not a valid date-time.`);
    data[property] = ewsDateTime(new Date(parsed));
  }
}

/** Completes addresses like Exchange's resolution: local mailboxes by name, others as one-off SMTP. */
export function resolveRecipients(state: SimulatorState, data: ItemData): void {
  for (const list of RECIPIENT_LISTS) if (data[list]) data[list] = data[list]!.map((address) => resolveAddress(state, address));
  for (const list of ATTENDEE_LISTS) {
    if (data[list]) data[list] = data[list]!.map((attendee) => ({ ResponseType: 'Unknown', ...attendee, Mailbox: resolveAddress(state, attendee.Mailbox) }));
  }
  for (const single of SINGLE_RECIPIENTS) if (data[single]) data[single] = { ...data[single], Mailbox: resolveAddress(state, data[single]!.Mailbox) };
}

export function resolveAddress(state: SimulatorState, address: t.EmailAddressType): t.EmailAddressType {
  const local = address.EmailAddress ? state.mailbox(address.EmailAddress) : undefined;
  if (local) return { ...local.owner, ...(address.Name ? { Name: address.Name } : {}) };
  return { Name: address.Name ?? address.EmailAddress, RoutingType: 'SMTP', MailboxType: 'OneOff' as string as t.MailboxTypeType, ...address }; // OneOff: Exchange 2010 SP1 and later
}

function applyDefaults(context: OperationContext, element: ItemElement, data: ItemData): void {
  const now = context.mailbox.now();
  fill(data, { Sensitivity: 'Normal', Importance: 'Normal', Culture: 'en-US', DateTimeReceived: now });
  if (element === 'Message' || element === 'PostItem') {
    fill(data, { ConversationTopic: data.Subject ?? '', IsRead: true, IsReadReceiptRequested: false, IsDeliveryReceiptRequested: false });
  }
  if (element === 'CalendarItem') calendarDefaults(context, data);
  if (element === 'Task') fill(data, { Status: 'NotStarted', PercentComplete: 0, IsComplete: false, IsRecurring: false, ChangeCount: 1 });
  if (element === 'Contact') {
    const fullName = [data.GivenName, data.Surname].filter(Boolean).join(' ');
    data.DisplayName ??= fullName || data.CompanyName;
    data.FileAs ??= [data.Surname, data.GivenName].filter(Boolean).join(', ') || data.DisplayName;
  }
}

function calendarDefaults(context: OperationContext, data: ItemData): void {
  const start = Date.parse(data.Start ?? context.mailbox.now());
  const end = data.End ? Date.parse(data.End) : start + 30 * 60_000;
  if (end < start) throw new ResponseError('ErrorCalendarEndDateIsEarlierThanStartDate');
  const isMeeting = ATTENDEE_LISTS.some((list) => (data[list]?.length ?? 0) > 0);
  fill(data, {
    UID: context.state.serials.hex(32) + '00000000000000000000',
    ReminderIsSet: true, ReminderMinutesBeforeStart: 15, IsAllDayEvent: false, LegacyFreeBusyStatus: 'Busy',
    IsMeeting: isMeeting, IsCancelled: false, MeetingRequestWasSent: false, IsResponseRequested: isMeeting,
    MyResponseType: 'Organizer', Organizer: { Mailbox: context.mailbox.owner }, AppointmentSequenceNumber: 0,
    AppointmentState: isMeeting ? 1 : 0, IsOrganizer: true,
  });
  data.Start = ewsDateTime(new Date(start));
  data.End = ewsDateTime(new Date(end));
  data.Duration = isoDuration(end - start);
  data.CalendarItemType = data.Recurrence ? 'RecurringMaster' : 'Single';
  data.IsRecurring = data.Recurrence !== undefined;
  data.DateTimeStamp ??= context.mailbox.now();
}

/** xs:duration of a span: `PT1H30M`. */
export function isoDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const time = `${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : days ? '' : 'T0M'}`;
}

/** Sets each default the item does not already have. */
function fill(data: ItemData, defaults: Partial<ItemData>): void {
  for (const [property, value] of Object.entries(defaults)) if (data[property] === undefined) data[property] = value;
}
