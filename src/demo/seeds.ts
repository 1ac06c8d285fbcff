/**
 * The two seeds through the public SDK:
 * 1. batches on calendar items: create an appointment, a weekly meeting recurring ten times and a meeting
 *    with three attendees; get them; update their subjects; delete them, and delete them again (each item
 *    then answers ErrorItemNotFound, no exception);
 * 2. a grouped search: the first 50 inbox items grouped by sender, newest first, groups ordered by their
 *    earliest item, newest group first.
 */
import { ItemBatches, type ItemChange, type ServiceResponse, type ServiceResponseCollection } from '../batch';
import type { ExchangeClient } from '../client/exchange-client';
import { findItems, propertySet, type Item } from '../search';
import { attendees, body, meetingTimeZones, newItem, recurrence, reminder, zonedDateTime } from '../values';
import { shortId, table } from './table';

export type Log = (text: string) => void;

export interface SeedOptions {
  /** Required and optional attendees of the meeting (three addresses). */
  readonly attendees: readonly [string, string, string];
  /** Send meeting invitations (on a real server you may not want to). */
  readonly sendInvitations: boolean;
}

/** The seed's meetings are planned on Berlin's wall clocks. */
const ZONE = 'W. Europe Standard Time';
const at = (local: string) => zonedDateTime(local, ZONE);

export async function runCalendarSeed(client: ExchangeClient, log: Log, options: SeedOptions): Promise<void> {
  const batches = new ItemBatches(client);
  const [bob, carol, dave] = options.attendees;
  const items = [
    newItem('CalendarItem', { Subject: 'Dentist', Start: at('2026-11-23T09:00'), End: at('2026-11-23T09:45'), Location: 'Main St 5', ...reminder(60) }),
    newItem('CalendarItem', {
      Subject: 'Weekly sync', Start: at('2026-11-24T10:00'), End: at('2026-11-24T10:30'), ...meetingTimeZones(ZONE),
      Recurrence: recurrence.weekly({ days: 'Tuesday', startDate: '2026-11-24', occurrences: 10 }),
    }),
    newItem('CalendarItem', {
      Subject: 'Quarterly review', Start: at('2026-11-25T14:00'), End: at('2026-11-25T15:00'), Location: 'Room 4.1',
      Body: body.html('<p>Numbers first, then plans.</p>'), RequiredAttendees: attendees(bob, carol), OptionalAttendees: attendees(dave),
    }),
  ];
  const invitations = options.sendInvitations ? 'SendToAllAndSaveCopy' : 'SendToNone';

  log('\n… creating 3 calendar items in one CreateItem batch (src/demo/seeds.ts, runCalendarSeed)');
  const created = await batches.createItems(items, { savedItemFolderId: 'calendar', sendMeetingInvitations: invitations });
  log(heading('Create 3 calendar items', created));
  log(table(['#', 'result', 'code', 'subject', 'ItemId'], created.responses.map((r, i) => [i, r.result, r.errorCode, items[i].Subject, shortId(r.item?.ItemId?.Id)])));
  const ids = created.responses.flatMap((r) => (r.item?.ItemId ? [r.item.ItemId] : []));

  log('\n… getting them back with recurrence and attendees (GetItem)');
  const read = await batches.getItems(ids, {
    BaseShape: 'Default', AdditionalProperties: ['calendar:IsRecurring', 'calendar:Recurrence', 'calendar:RequiredAttendees', 'calendar:OptionalAttendees'],
  }, { itemType: 'CalendarItem' });
  log(heading('Get them', read));
  log(table(['#', 'subject', 'start', 'recurring', 'attendees'], read.responses.map(({ item }, i) => {
    const people = [...(item?.RequiredAttendees ?? []), ...(item?.OptionalAttendees ?? [])].map((a) => a.Mailbox.EmailAddress).join(', ');
    const occurrences = item?.Recurrence?.NumberedRecurrence?.NumberOfOccurrences;
    return [i, item?.Subject, item?.Start, item?.IsRecurring ? `yes (${occurrences ?? '∞'}×)` : 'no', people];
  })));

  log('\n… updating their subjects (UpdateItem)');
  const updated = await batches.updateItems(
    ids.map((id, i): ItemChange => ({ id, itemType: 'CalendarItem', set: { Subject: `${items[i].Subject} (updated)` } })),
    { conflictResolution: 'AutoResolve', sendMeetingInvitationsOrCancellations: 'SendToNone' },
  );
  log(heading('Update their subjects', updated));
  log(table(['#', 'result', 'code', 'new subject', 'ChangeKey changed'], updated.responses.map((r, i) => [
    i, r.result, r.errorCode, `${items[i].Subject} (updated)`, r.item?.ItemId?.ChangeKey !== ids[i].ChangeKey,
  ])));
  const newIds = updated.responses.map((r, i) => r.item?.ItemId ?? ids[i]);

  for (const title of ['Delete them', 'Delete them again']) {
    log(`\n… ${title.toLowerCase()} (DeleteItem)`);
    const deleted = await batches.deleteItems(newIds, { deleteType: 'MoveToDeletedItems', sendMeetingCancellations: 'SendToNone' });
    log(heading(title, deleted));
    log(table(['#', 'result', 'code', 'message'], deleted.responses.map((r, i) => [i, r.result, r.errorCode, r.errorMessage])));
  }
}

export async function runGroupedSearch(client: ExchangeClient, log: Log): Promise<void> {
  log('\n… searching the inbox, grouped by sender (FindItem with GroupBy; src/demo/seeds.ts, runGroupedSearch)');
  const results = await findItems(client, {
    folder: 'inbox',
    view: {
      pageSize: 50,
      propertySet: propertySet('IdOnly', ['item:Subject', 'item:DateTimeReceived', 'message:From']),
      orderBy: [{ path: 'item:DateTimeReceived', direction: 'Descending' }],
    },
    grouping: { groupOn: 'message:From', aggregateOn: 'item:DateTimeReceived', aggregateType: 'Minimum', sortDirection: 'Descending' },
  });
  const count = results.itemGroups.reduce((n, g) => n + g.items.length, 0);
  log(`\n== Grouped search: first 50 inbox items by sender, newest first: ${results.itemGroups.length} groups, ${count} items ==`);
  // Messages and meeting messages have a sender; `in` narrows the item to those kinds.
  const sender = (item: Item | undefined) => (item && 'From' in item ? item.From?.Mailbox : undefined);
  log(table(['group', 'from', 'items', 'newest', 'oldest', 'subjects'], results.itemGroups.map(({ groupIndex, items }) => {
    const from = sender(items[0]);
    return [groupIndex, from?.Name ?? from?.EmailAddress, items.length, items[0]?.DateTimeReceived, items[items.length - 1]?.DateTimeReceived,
      items.map((m) => m.Subject).join(' | ')];
  })));
}

function heading(title: string, collection: ServiceResponseCollection<ServiceResponse>): string {
  return `\n== ${title}: overall ${collection.overallResult} ==`;
}
