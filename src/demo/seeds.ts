/**
 * The two seeds through the public SDK:
 * 1. batches on calendar items: create an appointment, a weekly meeting recurring ten times and a meeting
 *    with three attendees; get them; update their subjects; delete them, and delete them again (each item
 *    then answers ErrorItemNotFound, no exception);
 * 2. a grouped search: the first 50 inbox items grouped by sender, newest first, groups ordered by their
 *    earliest item, newest group first.
 */
import type { CalendarItemType, MessageType } from '../../generated/types';
import { ItemBatches, type NewItem, type ServiceResponse, type ServiceResponseCollection } from '../batch';
import type { ExchangeClient } from '../client/exchange-client';
import { findItems, propertySet } from '../search';
import { shortId, table } from './table';

export type Log = (text: string) => void;

export interface SeedOptions {
  /** Required and optional attendees of the meeting (three addresses). */
  readonly attendees: readonly [string, string, string];
  /** Send meeting invitations (on a real server you may not want to). */
  readonly sendInvitations: boolean;
}

export async function runCalendarSeed(client: ExchangeClient, log: Log, options: SeedOptions): Promise<void> {
  const batches = new ItemBatches(client);
  const [bob, carol, dave] = options.attendees;
  const items: NewItem[] = [
    { $el: 'CalendarItem', Subject: 'Dentist', Start: '2026-11-23T08:00:00Z', End: '2026-11-23T08:45:00Z', Location: 'Main St 5' },
    {
      $el: 'CalendarItem', Subject: 'Weekly sync', Start: '2026-11-24T09:00:00Z', End: '2026-11-24T09:30:00Z',
      Recurrence: { WeeklyRecurrence: { Interval: 1, DaysOfWeek: ['Tuesday'] }, NumberedRecurrence: { StartDate: '2026-11-24', NumberOfOccurrences: 10 } },
    },
    {
      $el: 'CalendarItem', Subject: 'Quarterly review', Start: '2026-11-25T13:00:00Z', End: '2026-11-25T14:00:00Z', Location: 'Room 4.1',
      RequiredAttendees: [{ Mailbox: { EmailAddress: bob } }, { Mailbox: { EmailAddress: carol } }],
      OptionalAttendees: [{ Mailbox: { EmailAddress: dave } }],
    },
  ];
  const invitations = options.sendInvitations ? 'SendToAllAndSaveCopy' : 'SendToNone';

  log('\n… creating 3 calendar items in one CreateItem batch (src/demo/seeds.ts, runCalendarSeed)');
  const created = await batches.createItems(items, { savedItemFolderId: 'calendar', sendMeetingInvitations: invitations });
  log(heading('Create 3 calendar items', created));
  log(table(['#', 'result', 'code', 'subject', 'ItemId'], created.responses.map((r, i) => [i, r.result, r.errorCode, (items[i] as CalendarItemType).Subject, shortId(r.item?.ItemId?.Id)])));
  const ids = created.responses.flatMap((r) => (r.item?.ItemId ? [r.item.ItemId] : []));

  log('\n… getting them back with recurrence and attendees (GetItem)');
  const read = await batches.getItems(ids, { BaseShape: 'Default', AdditionalProperties: ['calendar:IsRecurring', 'calendar:Recurrence', 'calendar:RequiredAttendees', 'calendar:OptionalAttendees'] });
  log(heading('Get them', read));
  log(table(['#', 'subject', 'start', 'recurring', 'attendees'], read.responses.map((r, i) => {
    const item = r.item as CalendarItemType | undefined;
    const attendees = [...(item?.RequiredAttendees ?? []), ...(item?.OptionalAttendees ?? [])].map((a) => a.Mailbox.EmailAddress).join(', ');
    const occurrences = item?.Recurrence?.NumberedRecurrence?.NumberOfOccurrences;
    return [i, item?.Subject, item?.Start, item?.IsRecurring ? `yes (${occurrences ?? '∞'}×)` : 'no', attendees];
  })));

  log('\n… updating their subjects (UpdateItem)');
  const updated = await batches.updateItems(
    ids.map((id, i) => ({ id, itemType: 'CalendarItem' as const, set: { Subject: `${(items[i] as CalendarItemType).Subject} (updated)` } })),
    { conflictResolution: 'AutoResolve', sendMeetingInvitationsOrCancellations: 'SendToNone' },
  );
  log(heading('Update their subjects', updated));
  log(table(['#', 'result', 'code', 'new subject', 'ChangeKey changed'], updated.responses.map((r, i) => [
    i, r.result, r.errorCode, `${(items[i] as CalendarItemType).Subject} (updated)`, r.item?.ItemId?.ChangeKey !== ids[i].ChangeKey,
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
  const results = await findItems(client, 'inbox',
    {
      pageSize: 50,
      propertySet: propertySet('IdOnly', ['item:Subject', 'item:DateTimeReceived', 'message:From']),
      orderBy: [{ path: 'item:DateTimeReceived', direction: 'Descending' }],
    },
    { groupOn: 'message:From', aggregateOn: 'item:DateTimeReceived', aggregateType: 'Minimum', sortDirection: 'Descending' });
  const items = results.itemGroups.reduce((n, g) => n + g.items.length, 0);
  log(`\n== Grouped search: first 50 inbox items by sender, newest first: ${results.itemGroups.length} groups, ${items} items ==`);
  log(table(['group', 'from', 'items', 'newest', 'oldest', 'subjects'], results.itemGroups.map((group) => {
    const messages = group.items as MessageType[];
    const from = messages[0]?.From?.Mailbox?.Name ?? messages[0]?.From?.Mailbox?.EmailAddress;
    return [group.groupIndex, from, messages.length, messages[0]?.DateTimeReceived, messages[messages.length - 1]?.DateTimeReceived,
      messages.map((m) => m.Subject).join(' | ')];
  })));
}

function heading(title: string, collection: ServiceResponseCollection<ServiceResponse>): string {
  return `\n== ${title}: overall ${collection.overallResult} ==`;
}
