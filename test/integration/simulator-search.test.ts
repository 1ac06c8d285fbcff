/** Searches against the simulator over HTTP: grouped results with and without Exchange's quirks, paging, restrictions. */
import { ItemBatches } from '../../src/batch';
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import { and, contains, findAllItemGroups, findGroupedItemPages, findItems, isGreaterThan, not, or, isEqualTo, propertySet, streamItems } from '../../src/search';
import type { ItemGrouping, ItemView } from '../../src/search';
import { ManualClock, SimulatorState, startSimulator, type SimulatorOptions } from '../../src/simulator';

const SENDERS = ['bob@contoso.com', 'carol@contoso.com', 'dave@contoso.com', 'erin@contoso.com', 'frank@contoso.com'];
const view: ItemView = {
  pageSize: 50,
  propertySet: propertySet('IdOnly', ['item:Subject', 'item:DateTimeReceived', 'message:From']),
  orderBy: [{ path: 'item:DateTimeReceived', direction: 'Descending' }],
};
const bySender: ItemGrouping = { groupOn: 'message:From', aggregateOn: 'item:DateTimeReceived', aggregateType: 'Minimum', sortDirection: 'Descending' };

/** An inbox of 30 messages: each sender sends six, one every ten minutes, in turn. */
async function inbox(options: SimulatorOptions, run: (client: ExchangeClient) => Promise<void>) {
  const clock = new ManualClock('2026-11-01T08:00:00Z');
  const sim = await startSimulator({ state: new SimulatorState({ seed: 'search', clock, mailboxes: SENDERS.map((smtpAddress) => ({ smtpAddress })) }), validateRequests: false, ...options });
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth('alice@contoso.com', 'Simulator-1') });
  const batches = new ItemBatches(client);
  for (let round = 0; round < 6; round++) {
    for (const sender of SENDERS) {
      clock.advance(10 * 60 * 1000);
      await batches.createItems([{ $el: 'Message', Subject: `${sender.split('@')[0]} ${round % 2 ? 'report' : 'note'} ${round}`, ToRecipients: [{ EmailAddress: 'alice@contoso.com' }] }],
        { messageDisposition: 'SendAndSaveCopy', impersonation: { smtpAddress: sender } });
    }
  }
  try {
    await run(client);
  } finally {
    client.close();
    await sim.close();
  }
}

const shape = (groups: { items: unknown[] }[]) => groups.map((g) => g.items.length);
const senders = (groups: { items: Array<{ From?: { Mailbox?: { EmailAddress?: string } } }> }[]) =>
  groups.map((g) => g.items[0].From?.Mailbox?.EmailAddress);

describe('grouped search against the simulator', () => {
  it.each([
    ['as Exchange 2016 answers', {}],
    ['with Exchange 2013 (15.0.775.38) t:Group elements', { legacyGroups: true }],
    ['with Exchange 15+ nil extras', { nilGroups: true }],
    ['with both quirks', { legacyGroups: true, nilGroups: true }],
  ])('finds the same 5 groups of 6, newest group and newest item first, %s', async (_label, quirks) => {
    await inbox(quirks, async (client) => {
      const result = await findItems(client, 'inbox', view, bySender);
      expect(shape(result.itemGroups)).toEqual([6, 6, 6, 6, 6]);
      expect(senders(result.itemGroups as never)).toEqual([...SENDERS].reverse());
      const received = result.itemGroups[0].items.map((item) => (item as { DateTimeReceived?: string }).DateTimeReceived!);
      expect([...received].sort().reverse()).toEqual(received);
      expect(result.moreAvailable).toBe(false);
    });
  });

  it('pages a grouped search over 3 pages following the server\'s offsets; every item comes once', async () => {
    await inbox({ legacyGroups: true, nilGroups: true }, async (client) => {
      const pages = [];
      for await (const page of findGroupedItemPages(client, 'inbox', { ...view, pageSize: 12 }, bySender)) pages.push(page);
      expect(pages).toHaveLength(3);
      expect(pages.map((p) => p.nextPageOffset)).toEqual([12, 24, 35]);
      const subjects = pages.flatMap((p) => p.itemGroups.flatMap((g) => g.items.map((i) => (i as { Subject?: string }).Subject)));
      expect(new Set(subjects).size).toBe(30);
      const parts: number[] = [];
      for await (const group of findAllItemGroups(client, 'inbox', { ...view, pageSize: 12 }, bySender)) parts.push(group.items.length);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(30);
    });
  });

  it('applies a restriction with And/Or/Not/Contains on the server', async () => {
    await inbox({}, async (client) => {
      const restriction = and(
        contains('item:Subject', 'report', { mode: 'Substring', comparison: 'IgnoreCase' }),
        or(isEqualTo('item:Subject', 'bob report 1'), isGreaterThan('item:DateTimeReceived', '2026-11-01T12:00:00Z')),
        not(contains('item:Subject', 'carol', { mode: 'Substring', comparison: 'IgnoreCase' })),
      );
      const result = await findItems(client, 'inbox', view, undefined, restriction);
      const subjects = result.items.map((i) => (i as { Subject?: string }).Subject).sort();
      expect(subjects).toEqual(['bob report 1', 'bob report 5', 'dave report 5', 'erin report 5', 'frank report 5']);
    });
  });
});

describe('streamItems against the simulator', () => {
  it('hands over every item of a grouped search with its group, as findItems finds them, and returns the page information', async () => {
    await inbox({ legacyGroups: true, nilGroups: true }, async (client) => {
      const expected = (await findItems(client, 'inbox', view, bySender)).itemGroups
        .flatMap((group) => group.items.map((item) => [group.groupIndex, (item as { Subject?: string }).Subject]));
      const seen: Array<[string | undefined, string | undefined]> = [];
      const generator = streamItems(client, 'inbox', view, bySender);
      let next = await generator.next();
      for (; !next.done; next = await generator.next()) seen.push([next.value.groupIndex, (next.value.item as { Subject?: string }).Subject]);
      expect(seen).toEqual(expected);
      expect(seen).toHaveLength(30);
      expect(next.value).toMatchObject({ moreAvailable: false, totalCount: 30 });
    });
  });

  it('hands over the items of an ungrouped search without a group', async () => {
    await inbox({}, async (client) => {
      const items = [];
      for await (const found of streamItems(client, 'inbox', { ...view, pageSize: 7 })) items.push(found);
      expect(items).toHaveLength(7);
      expect(items.every((found) => found.groupIndex === undefined)).toBe(true);
    });
  });
});
