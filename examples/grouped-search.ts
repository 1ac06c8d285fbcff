/**
 * Seed 2, a grouped search: the first 50 inbox items grouped by sender, newest first, the groups ordered
 * by their earliest item, newest group first.
 *
 *   npx ts-node examples/grouped-search.ts
 */
import { findItems, propertySet, type ExchangeClient } from 'typed-ews';
import { runExample } from './connect';

export async function inboxBySender(client: ExchangeClient) {
  const results = await findItems(client, {
    folder: 'inbox',
    view: {
      pageSize: 50,
      propertySet: propertySet('IdOnly', ['item:Subject', 'item:DateTimeReceived', 'message:From']),
      orderBy: [{ path: 'item:DateTimeReceived', direction: 'Descending' }],
    },
    grouping: { groupOn: 'message:From', aggregateOn: 'item:DateTimeReceived', aggregateType: 'Minimum', sortDirection: 'Descending' },
  });
  return results.itemGroups.map(({ items }) => ({
    // Only messages and meeting messages have a sender: `in` narrows the item to them.
    from: items[0] && 'From' in items[0] ? items[0].From?.Mailbox.EmailAddress : undefined,
    subjects: items.map((item) => item.Subject),
  }));
}

if (require.main === module) runExample(inboxBySender);
