/** The CreateItem envelope written with plain xmlbuilder2 (`create().ele()…end()`), which escapes for us. */
import { create } from 'xmlbuilder2';
import type { Appointment } from '../fixtures/workload';

const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const T_NS = 'http://schemas.microsoft.com/exchange/services/2006/types';
const M_NS = 'http://schemas.microsoft.com/exchange/services/2006/messages';

export function createItemEnvelope(appointments: readonly Appointment[]): string {
  const root = create({ version: '1.0', encoding: 'utf-8' })
    .ele(SOAP_NS, 'soap:Envelope', { 'xmlns:t': T_NS, 'xmlns:m': M_NS });
  root.ele('soap:Header').ele(T_NS, 't:RequestServerVersion', { Version: 'Exchange2013_SP1' });
  const createItem = root.ele('soap:Body').ele(M_NS, 'm:CreateItem', { SendMeetingInvitations: 'SendToNone' });
  createItem.ele(M_NS, 'm:SavedItemFolderId').ele(T_NS, 't:DistinguishedFolderId', { Id: 'calendar' });
  const items = createItem.ele(M_NS, 'm:Items');
  for (const appointment of appointments) {
    const item = items.ele(T_NS, 't:CalendarItem');
    item.ele(T_NS, 't:Subject').txt(appointment.subject);
    item.ele(T_NS, 't:Body', { BodyType: 'HTML' }).txt(appointment.htmlBody);
    item.ele(T_NS, 't:Start').txt(appointment.start);
    item.ele(T_NS, 't:End').txt(appointment.end);
    item.ele(T_NS, 't:Location').txt(appointment.location);
    const attendees = item.ele(T_NS, 't:RequiredAttendees');
    for (const who of appointment.attendees) {
      const mailbox = attendees.ele(T_NS, 't:Attendee').ele(T_NS, 't:Mailbox');
      mailbox.ele(T_NS, 't:Name').txt(who.name);
      mailbox.ele(T_NS, 't:EmailAddress').txt(who.email);
    }
  }
  return root.end();
}
