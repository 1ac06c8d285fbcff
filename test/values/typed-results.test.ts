/** Results narrowed by the item kind asked for, and findItems' options form, against the simulator. */
import { ItemBatches, UnexpectedItemKindError } from '../../src/batch';
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import { findItems, type FindItemsOptions } from '../../src/search';
import { startSimulator } from '../../src/simulator';
import { attendees, body, recurrence, reminder, zonedDateTime } from '../../src/values';

const LOGIN = { username: 'alice@contoso.com', password: 'Simulator-1' };

async function withClient(run: (client: ExchangeClient) => Promise<void>) {
  const sim = await startSimulator({ seed: 'typed-results', mailboxes: ['bob@contoso.com'] });
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth(LOGIN.username, LOGIN.password), timeZone: 'Europe/Berlin' });
  try {
    await run(client);
  } finally {
    client.close();
    await sim.close();
  }
}

describe('typed results', () => {
  it('reads calendar items typed as calendar items, and refuses an item of another kind', async () => {
    await withClient(async (client) => {
      const batches = new ItemBatches(client);
      const created = await batches.createItems([
        {
          $el: 'CalendarItem', Subject: 'Weekly sync', Start: new Date(zonedDateTime('2026-11-24T09:00', 'Europe/Berlin')),
          End: zonedDateTime('2026-11-24T09:30', 'Europe/Berlin'), Body: body.text('Agenda'), ...reminder(30),
          RequiredAttendees: attendees('bob@contoso.com'),
          Recurrence: recurrence.weekly({ days: 'Tuesday', startDate: '2026-11-24', occurrences: 10 }),
        },
        { $el: 'Message', Subject: 'a note' },
      ], { sendMeetingInvitations: 'SendToNone', messageDisposition: 'SaveOnly' });
      expect(created.overallResult).toBe('Success');
      const ids = created.responses.map((r) => r.item!.ItemId!);
      const read = await batches.getItems(ids, 'AllProperties', { itemType: 'CalendarItem' });
      const [meeting, note] = read.responses;
      expect(meeting.item?.Start).toBe('2026-11-24T08:00:00Z');
      expect(meeting.item?.ReminderMinutesBeforeStart).toBe(30);
      expect(meeting.item?.Recurrence?.WeeklyRecurrence?.DaysOfWeek).toEqual(['Tuesday']);
      expect(note.result).toBe('Error');
      expect(note.errorCode).toBe('ClientUnexpectedItemType');
      expect(note.error).toBeInstanceOf(UnexpectedItemKindError);
      expect(note.errorMessage).toBe('expected a CalendarItem, the server answered a Message');
      expect(read.overallResult).toBe('Error');
    });
  });

  it('searches with one options object, grouped or not, like the positional form', async () => {
    await withClient(async (client) => {
      const view = { pageSize: 10 } as const;
      const options: FindItemsOptions = { folder: 'calendar', view };
      const plain = await findItems(client, options);
      const positional = await findItems(client, 'calendar', view);
      expect(plain.items).toEqual(positional.items);
      const grouped = await findItems(client, {
        folder: ['inbox'], view, grouping: { groupOn: 'item:Subject', aggregateOn: 'item:DateTimeReceived', aggregateType: 'Maximum', sortDirection: 'Ascending' },
      });
      expect(Array.isArray(grouped)).toBe(true);
      expect(grouped[0].itemGroups).toBeDefined();
      // @ts-expect-error 'Desc' is not a sort direction: reported at `direction`
      const wrong: FindItemsOptions = { folder: 'inbox', view: { pageSize: 1, orderBy: [{ path: 'item:Subject', direction: 'Desc' }] } };
      expect(wrong.folder).toBe('inbox');
    });
  });
});
