/**
 * Seed 1, calendar batches: create an appointment, a weekly meeting recurring ten times and a meeting
 * with attendees in one CreateItem batch; read them back; rename them; delete them twice. Each item
 * gets exactly one result per step; the second delete answers ErrorItemNotFound per item, as data.
 *
 *   npx ts-node examples/calendar-seed.ts
 */
import { ItemBatches, attendees, body, newItem, recurrence, reminder, zonedDateTime, type ExchangeClient } from 'typed-ews';
import { runExample } from './connect';

const at = (local: string) => zonedDateTime(local, 'Europe/Berlin');

export async function calendarSeed(client: ExchangeClient) {
  const batches = new ItemBatches(client, { batchSize: 100, concurrency: 2 });
  const items = [
    newItem('CalendarItem', { Subject: 'Dentist', Start: at('2026-11-23T09:00'), End: at('2026-11-23T09:45'), ...reminder(60) }),
    newItem('CalendarItem', {
      Subject: 'Weekly sync', Start: at('2026-11-24T10:00'), End: at('2026-11-24T10:30'),
      Recurrence: recurrence.weekly({ days: 'Tuesday', startDate: '2026-11-24', occurrences: 10 }),
    }),
    newItem('CalendarItem', {
      Subject: 'Quarterly review', Start: at('2026-11-25T14:00'), End: at('2026-11-25T15:00'),
      Body: body.text('Numbers first.'), RequiredAttendees: attendees('bob@contoso.com', 'carol@contoso.com'),
    }),
  ];
  const created = await batches.createItems(items, { savedItemFolderId: 'calendar', sendMeetingInvitations: 'SendToNone' });
  const ids = created.responses.flatMap((response) => (response.item?.ItemId ? [response.item.ItemId] : []));

  const read = await batches.getItems(ids, { BaseShape: 'Default', AdditionalProperties: ['calendar:IsRecurring'] }, { itemType: 'CalendarItem' });
  const renamed = await batches.updateItems(
    ids.map((id, i) => ({ id, itemType: 'CalendarItem' as const, set: { Subject: `${items[i].Subject} (moved)` } })),
    { conflictResolution: 'AutoResolve', sendMeetingInvitationsOrCancellations: 'SendToNone' },
  );
  const newIds = renamed.responses.map((response, i) => response.item?.ItemId ?? ids[i]);
  const deleted = await batches.deleteItems(newIds, { deleteType: 'MoveToDeletedItems', sendMeetingCancellations: 'SendToNone' });
  const deletedAgain = await batches.deleteItems(newIds, { deleteType: 'MoveToDeletedItems', sendMeetingCancellations: 'SendToNone' });
  return {
    created: created.responses.map((response) => response.result),
    read: read.responses.map(({ item }) => ({ subject: item?.Subject, recurring: item?.IsRecurring })),
    renamed: renamed.responses.map((response) => response.result),
    deleted: deleted.responses.map((response) => response.result),
    deletedAgain: deletedAgain.responses.map((response) => response.errorCode),
  };
}

if (require.main === module) runExample(calendarSeed);
