/**
 * Grouped FindItem, as in Microsoft's "Perform grouped searches" example: the first 50 items of the
 * inbox grouped by From, items by DateTimeReceived descending, groups by their earliest item descending.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { findItem } from '../../src/simulator/operations/find-item';
import { fieldUri, folder, only } from './fixtures';
import { inboxWorld } from './inbox-fixture';

const byFrom = (aggregate: t.AggregateType, order: t.SortDirectionType): t.GroupByType => ({
  Order: order, FieldURI: { FieldURI: 'message:From' }, AggregateOn: { Aggregate: aggregate, FieldURI: { FieldURI: 'item:DateTimeReceived' } },
});

function groupedSearch(groupBy: t.GroupByType, view: t.IndexedPageViewType = { MaxEntriesReturned: 50, Offset: 0, BasePoint: 'Beginning' }): t.FindItemParentType {
  const world = inboxWorld();
  const response = findItem(world.alice, {
    Traversal: 'Shallow',
    ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('item:Subject'), fieldUri('item:DateTimeReceived'), fieldUri('message:From')] },
    IndexedPageItemView: view,
    GroupBy: groupBy,
    SortOrder: [{ Order: 'Descending', FieldURI: { FieldURI: 'item:DateTimeReceived' } }],
    ParentFolderIds: [folder('inbox')],
  });
  return only<m.FindItemResponseMessageType & { $el: 'FindItemResponseMessage' }>(response).RootFolder!;
}

/** Each group as [GroupIndex, sender, subjects' day numbers]. */
function summary(root: t.FindItemParentType): [string, string, number[]][] {
  return root.Groups!.map((group) => {
    const messages = group.Items as (t.MessageType & { $el: string })[];
    const senders = new Set(messages.map((message) => message.From!.Mailbox.Name));
    expect(senders.size).toBe(1);
    return [group.GroupIndex, [...senders][0]!, messages.map((message) => Number(message.Subject!.replace('Day ', '')))];
  });
}

describe('grouped FindItem', () => {
  test('groups by From, items newest first, groups by their earliest item descending', () => {
    const root = groupedSearch(byFrom('Minimum', 'Descending'));
    expect(summary(root)).toEqual([
      ['0', 'Eve', [25, 24, 15, 14, 5, 4]],
      ['1', 'Dee', [26, 23, 16, 13, 6, 3]],
      ['2', 'Cid', [27, 22, 17, 12, 7, 2]],
      ['3', 'Ben', [28, 21, 18, 11, 8, 1]],
      ['4', 'Ann', [29, 20, 19, 10, 9, 0]],
    ]);
    expect(root.Items).toBeUndefined();
  });

  test('reports paging as Exchange does for a grouped view: items counted, one header row per group added to the offset', () => {
    const root = groupedSearch(byFrom('Minimum', 'Descending'));
    expect(root).toMatchObject({ TotalItemsInView: 30, IndexedPagingOffset: 35, IncludesLastItemInRange: true });
  });

  test('Maximum aggregate with ascending order puts the group with the earliest latest item first', () => {
    expect(summary(groupedSearch(byFrom('Maximum', 'Ascending'))).map(([index, sender]) => [index, sender])).toEqual([
      ['0', 'Eve'], ['1', 'Dee'], ['2', 'Cid'], ['3', 'Ben'], ['4', 'Ann'],
    ]);
    expect(summary(groupedSearch(byFrom('Maximum', 'Descending'))).map(([, sender]) => sender)).toEqual(['Ann', 'Ben', 'Cid', 'Dee', 'Eve']);
  });

  test('the returned items carry only the requested properties', () => {
    const first = groupedSearch(byFrom('Minimum', 'Descending')).Groups![0].Items[0];
    expect(Object.keys(first).sort()).toEqual(['$el', 'DateTimeReceived', 'From', 'ItemId', 'Subject']);
    expect(first).toMatchObject({ $el: 'Message', Subject: 'Day 25', DateTimeReceived: '2024-02-26T08:00:00Z', From: { Mailbox: { Name: 'Eve', EmailAddress: 'eve@contoso.com' } } });
  });

  test('DistinguishedGroupBy ConversationTopic groups by topic, ordered by each conversation\'s latest message', () => {
    const world = inboxWorld();
    const response = findItem(world.alice, {
      Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('message:ConversationTopic')] },
      DistinguishedGroupBy: { Order: 'Descending', StandardGroupBy: 'ConversationTopic' },
      Restriction: { IsLessThan: { FieldURI: { FieldURI: 'item:DateTimeReceived' }, FieldURIOrConstant: { Constant: { Value: '2024-02-04T00:00:00Z' } } } },
      ParentFolderIds: [folder('inbox')],
    });
    const groups = only<m.FindItemResponseMessageType & { $el: 'FindItemResponseMessage' }>(response).RootFolder!.Groups!;
    expect(groups.map((group) => (group.Items[0] as t.MessageType).ConversationTopic)).toEqual(['Day 2', 'Day 1', 'Day 0']);
  });
});
