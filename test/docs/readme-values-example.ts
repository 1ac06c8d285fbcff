/**
 * The README's "Values" example, type-checked by `npm run typecheck` and run against the simulator by
 * test/docs/readme-values.test.ts, which also checks that README.md shows exactly this code.
 */
import {
  ItemBatches, attendees, body, findItems, meetingTimeZones, newItem, parseDateTime, recurrence, reminder, zonedDateTime,
  type ExchangeClient,
} from '../../src';

// README-VALUES-BEGIN
export async function readmeValuesExample(client: ExchangeClient): Promise<string[]> {
const zone = 'W. Europe Standard Time'; // or 'Europe/Berlin': IANA names are mapped (CLDR)
const batches = new ItemBatches(client);
const items = [
  newItem('CalendarItem', { Subject: 'Dentist', Start: zonedDateTime('2026-11-23T09:00', zone), End: zonedDateTime('2026-11-23T09:45', zone), ...reminder(60) }),
  newItem('CalendarItem', {
    Subject: 'Weekly sync', Start: zonedDateTime('2026-11-24T10:00', zone), End: zonedDateTime('2026-11-24T10:30', zone), ...meetingTimeZones(zone),
    Recurrence: recurrence.weekly({ days: 'Tuesday', startDate: '2026-11-24', occurrences: 10 }),
  }),
  newItem('CalendarItem', {
    Subject: 'Quarterly review', Start: new Date('2026-11-25T13:00:00Z'), End: new Date('2026-11-25T14:00:00Z'),
    Body: body.html('<p>Numbers first</p>'), RequiredAttendees: attendees('bob@contoso.com', 'carol@contoso.com'), OptionalAttendees: attendees('dave@contoso.com'),
  }),
];
const created = await batches.createItems(items, { savedItemFolderId: 'calendar', sendMeetingInvitations: 'SendToNone' });
const ids = created.responses.flatMap((r) => (r.item?.ItemId ? [r.item.ItemId] : []));
const read = await batches.getItems(ids, 'AllProperties', { itemType: 'CalendarItem' });
const lines = read.responses.map(({ item }) => `${item?.Subject}: ${item?.Start} (${parseDateTime(item?.Start ?? '').date.getTime()}), recurring ${item?.IsRecurring}`);

const inbox = await findItems(client, { folder: 'inbox', view: { pageSize: 10 } });
for (const item of inbox.items) if ('From' in item) lines.push(`${item.Subject} from ${item.From?.Mailbox?.EmailAddress}`);
return lines;
}
// README-VALUES-END
