/**
 * The README's usage example, type-checked by `npm run typecheck` (never run: it needs a server).
 * test/docs/readme.test.ts checks that README.md shows exactly this code.
 */
import { ExchangeClient, basicAuth, ItemBatches, findItems, newItem, attendees, recurrence, zonedDateTime } from '../../src';

declare const itemId: string;
declare const manyIds: Array<{ $el: 'ItemId'; Id: string }>;

// README-BEGIN
export async function readmeExample(): Promise<void> {
const client = new ExchangeClient({
  url: 'https://mail.contoso.com/EWS/Exchange.asmx',
  auth: basicAuth('alice@contoso.com', process.env.EWS_PASSWORD!), // or ntlmAuth({...}), bearerAuth(getToken)
  version: 'Exchange2016',
  timeZone: 'W. Europe Standard Time',
});

// Any of the 123 operations, typed both ways.
const { body, responseMessages, serverVersion } = await client.call('GetItem', {
  ItemShape: { BaseShape: 'Default' },
  ItemIds: [{ $el: 'ItemId', Id: itemId }],
});
console.log(serverVersion?.Version, responseMessages[0].responseCode, body.ResponseMessages.length);

// A very large batch, one response message in memory at a time.
for await (const message of client.stream('GetItem', { ItemShape: { BaseShape: 'Default' }, ItemIds: manyIds })) {
  if (message.payload.$el === 'GetItemResponseMessage') for (const item of message.payload.Items ?? []) console.log(item.Subject);
}

// Batches: one result per input, in order; a per-item error is data, never an exception.
const batches = new ItemBatches(client, { batchSize: 100, concurrency: 3 });
const created = await batches.createItems([newItem('CalendarItem', {
  Subject: 'Weekly sync', Start: zonedDateTime('2026-11-24T10:00', 'Europe/Berlin'), End: new Date('2026-11-24T09:30:00Z'),
  RequiredAttendees: attendees('bob@contoso.com'), Recurrence: recurrence.weekly({ days: 'Tuesday', startDate: '2026-11-24', occurrences: 10 }),
})], { savedItemFolderId: 'calendar', sendMeetingInvitations: 'SendToNone' });
for (const response of created.responses) console.log(response.result, response.errorCode, response.item?.ItemId);

// Grouped search: first 50 inbox items grouped by sender, newest first.
const grouped = await findItems(client, {
  folder: 'inbox',
  view: { pageSize: 50, orderBy: [{ path: 'item:DateTimeReceived', direction: 'Descending' }] },
  grouping: { groupOn: 'message:From', aggregateOn: 'item:DateTimeReceived', aggregateType: 'Minimum', sortDirection: 'Descending' },
});
for (const group of grouped.itemGroups) console.log(group.groupIndex, group.items.length);
}
// README-END
