/**
 * Requests written by hand with template strings and escaping: what a tuned special-purpose client
 * would do. It is the floor of request building, and the bytes the saxes floor sends.
 */
import type { Appointment } from '../fixtures/workload';
import { escapeAttribute, escapeText } from '../fixtures/xml-text';

const PROLOG = '<?xml version="1.0" encoding="utf-8"?>';
const NAMESPACES = 'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
  + 'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" '
  + 'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"';

function envelope(body: string): string {
  return `${PROLOG}<soap:Envelope ${NAMESPACES}><soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header>`
    + `<soap:Body>${body}</soap:Body></soap:Envelope>`;
}

const itemIdList = (ids: readonly string[]): string => ids.map((id) => `<t:ItemId Id="${escapeAttribute(id)}"/>`).join('');

export function findItemGroupedEnvelope(count: number): string {
  const field = (uri: string): string => `<t:FieldURI FieldURI="${uri}"/>`;
  return envelope('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>'
    + `${field('item:Subject')}${field('item:DateTimeReceived')}${field('item:Categories')}${field('message:From')}`
    + `</t:AdditionalProperties></m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="${count}" Offset="0" BasePoint="Beginning"/>`
    + `<m:GroupBy Order="Ascending">${field('message:From')}<t:AggregateOn Aggregate="Maximum">${field('item:DateTimeReceived')}`
    + '</t:AggregateOn></m:GroupBy><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>');
}

export function getItemEnvelope(ids: readonly string[]): string {
  return envelope('<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape><t:BodyType>HTML</t:BodyType></m:ItemShape>'
    + `<m:ItemIds>${itemIdList(ids)}</m:ItemIds></m:GetItem>`);
}

export function deleteItemEnvelope(ids: readonly string[]): string {
  return envelope('<m:DeleteItem DeleteType="MoveToDeletedItems" SendMeetingCancellations="SendToNone" '
    + `AffectedTaskOccurrences="AllOccurrences"><m:ItemIds>${itemIdList(ids)}</m:ItemIds></m:DeleteItem>`);
}

function calendarItem(appointment: Appointment): string {
  const attendees = appointment.attendees.map((who) => '<t:Attendee><t:Mailbox>'
    + `<t:Name>${escapeText(who.name)}</t:Name><t:EmailAddress>${escapeText(who.email)}</t:EmailAddress></t:Mailbox></t:Attendee>`);
  return `<t:CalendarItem><t:Subject>${escapeText(appointment.subject)}</t:Subject>`
    + `<t:Body BodyType="HTML">${escapeText(appointment.htmlBody)}</t:Body>`
    + `<t:Start>${appointment.start}</t:Start><t:End>${appointment.end}</t:End>`
    + `<t:Location>${escapeText(appointment.location)}</t:Location>`
    + `<t:RequiredAttendees>${attendees.join('')}</t:RequiredAttendees></t:CalendarItem>`;
}

export function createItemEnvelope(appointments: readonly Appointment[]): string {
  return envelope('<m:CreateItem SendMeetingInvitations="SendToNone"><m:SavedItemFolderId>'
    + '<t:DistinguishedFolderId Id="calendar"/></m:SavedItemFolderId>'
    + `<m:Items>${appointments.map(calendarItem).join('')}</m:Items></m:CreateItem>`);
}
