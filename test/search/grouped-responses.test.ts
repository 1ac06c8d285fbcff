/**
 * Grouped FindItem responses through findItems, end to end (transport → reader → results), in every
 * form Exchange sends them: the documented form, the legacy t:Group of Exchange 15.0 up to 15.0.775.38,
 * the nil t:Group / t:GroupedItems extras of Exchange 15+, mixed item types, an empty folder, and a
 * grouped search over three pages.
 */
import {
  EwsSearchError, findAllItemGroups, findGroupedItemPages, findItems, UnexpectedSearchResponseError, type GroupedFindItemsResults,
  type ItemGroup, type ItemView,
} from '../../src/search';
import { loadFixture } from '../support/corpus';
import {
  errorResponse, EXCHANGE_2013_RTM, findItemResponse, group, item, messages, NIL_GROUP, NIL_GROUPED_ITEMS, recordedSearch,
} from './support';

const view: ItemView = { pageSize: 50, orderBy: [{ path: 'item:DateTimeReceived', direction: 'Descending' }] };
const bySender = { groupOn: 'message:From', aggregateOn: 'item:DateTimeReceived', aggregateType: 'Minimum', sortDirection: 'Descending' } as const;

async function groupedSearch(body: string, serverVersion?: string): Promise<GroupedFindItemsResults> {
  return findItems(recordedSearch([body], serverVersion).client, 'inbox', view, bySender);
}

/** Each group as `index: item ids`, the shape the assertions compare. */
function outline(groups: readonly ItemGroup[]): string[] {
  return groups.map((g) => `${g.groupIndex}: ${g.items.map((i) => i.ItemId?.Id).join(' ')}`);
}

describe('the seed grouped response (Microsoft docs example: inbox grouped by sender)', () => {
  it('reads 2 groups of 5 and 3 messages in document order, with the totals and next offset', async () => {
    const envelope = loadFixture('FindItem/response-perform-grouped-searches-1.xml');
    const results = await findItems(recordedSearch([{ envelope }]).client, 'inbox', view, bySender);
    expect(results.itemGroups.map((g) => [g.groupIndex, g.items.length])).toEqual([['0', 5], ['1', 3]]);
    expect(results.itemGroups[0].items.map((i) => i.Subject)).toEqual(['Planning resources', 'Timeline', 'For your perusal', 'meeting notes', 'Meeting notes']);
    expect(results.itemGroups[1].items.map((i) => i.$el === 'Message' && i.From?.Mailbox?.Name)).toEqual(['Hope Gross', 'Hope Gross', 'Hope Gross']);
    expect(results).toMatchObject({ totalCount: 8, moreAvailable: false, nextPageOffset: 10 });
  });
});

describe('legacy t:Group (Exchange 15.0 up to build 15.0.775.38)', () => {
  it('reads t:Group elements as groups: 2 groups of 3 and 2 items', async () => {
    const body = findItemResponse({
      root: { offset: 7, total: 5, last: true },
      content: `<t:Groups>${group('0', messages('a', 3), 'Group')}${group('1', messages('b', 2, 'Hope Gross'), 'Group')}</t:Groups>`,
    });
    const results = await groupedSearch(body, EXCHANGE_2013_RTM);
    expect(outline(results.itemGroups)).toEqual(['0: a1 a2 a3', '1: b1 b2']);
    expect(results).toMatchObject({ totalCount: 5, moreAvailable: false, nextPageOffset: 7 });
  });
});

describe('nil extras of Exchange 15+', () => {
  it.each([
    ['before the groups', (a: string, b: string) => NIL_GROUP + NIL_GROUPED_ITEMS + a + b],
    ['between the groups', (a: string, b: string) => a + NIL_GROUPED_ITEMS + NIL_GROUP + b],
    ['after the groups', (a: string, b: string) => a + b + NIL_GROUP + NIL_GROUPED_ITEMS],
    ['before, between and after', (a: string, b: string) => NIL_GROUP + a + NIL_GROUPED_ITEMS + b + NIL_GROUP],
  ])('%s are ignored: 2 groups of 2 and 1 items, no empty group', async (_, arrange) => {
    const groups = arrange(group('0', messages('a', 2)), group('1', messages('b', 1)));
    const results = await groupedSearch(findItemResponse({ root: { offset: 5, total: 3, last: true }, content: `<t:Groups>${groups}</t:Groups>` }));
    expect(outline(results.itemGroups)).toEqual(['0: a1 a2', '1: b1']);
  });

  it('a nil written with an explicit closing tag is ignored too', async () => {
    const groups = `<t:GroupedItems xsi:nil="true"></t:GroupedItems>${group('0', messages('a', 1))}<t:Group xsi:nil="1"></t:Group>`;
    const results = await groupedSearch(findItemResponse({ root: { offset: 2, last: true }, content: `<t:Groups>${groups}</t:Groups>` }));
    expect(outline(results.itemGroups)).toEqual(['0: a1']);
  });

  it('legacy groups, modern groups and nil extras mixed in one response: 3 groups of 2, 1 and 3 items, in order', async () => {
    const groups = NIL_GROUP + group('0', messages('a', 2), 'Group') + NIL_GROUPED_ITEMS + group('1', messages('b', 1)) +
      NIL_GROUP + group('2', messages('c', 3), 'Group') + NIL_GROUPED_ITEMS;
    const results = await groupedSearch(findItemResponse({ root: { offset: 9, total: 6, last: true }, content: `<t:Groups>${groups}</t:Groups>` }));
    expect(outline(results.itemGroups)).toEqual(['0: a1 a2', '1: b1', '2: c1 c2 c3']);
  });
});

describe('items of different types in one group', () => {
  it('keeps document order and each item its type: 1 group of 5 items', async () => {
    const items = item('Message', 'i1', 'Status', '2026-03-02T09:00:00Z') +
      item('MeetingRequest', 'i2', 'Quarterly review', '2026-03-02T08:00:00Z') +
      item('CalendarItem', 'i3', 'Dentist', '2026-03-02T07:00:00Z') +
      item('MeetingCancellation', 'i4', 'Canceled: Weekly sync', '2026-03-02T06:00:00Z') +
      item('Message', 'i5', 'Re: Status', '2026-03-02T05:00:00Z');
    const groups = NIL_GROUP + group('0', items, 'Group') + NIL_GROUPED_ITEMS;
    const results = await groupedSearch(findItemResponse({ root: { offset: 6, total: 5, last: true }, content: `<t:Groups>${groups}</t:Groups>` }));
    expect(results.itemGroups).toHaveLength(1);
    expect(results.itemGroups[0].items.map((i) => [i.$el, i.ItemId?.Id])).toEqual([
      ['Message', 'i1'], ['MeetingRequest', 'i2'], ['CalendarItem', 'i3'], ['MeetingCancellation', 'i4'], ['Message', 'i5'],
    ]);
  });
});

describe('group summaries', () => {
  it('hands over the GroupSummary when the server sends one, and none otherwise', async () => {
    const summary = '<t:GroupSummary><t:GroupCount>12</t:GroupCount><t:UnreadCount>3</t:UnreadCount><t:InstanceKey>AQAAAA==</t:InstanceKey><t:GroupByValue>Sadie Daniels</t:GroupByValue></t:GroupSummary>';
    const groups = group('0', messages('a', 1), 'GroupedItems', summary) + group('1', messages('b', 1));
    const results = await groupedSearch(findItemResponse({ root: { offset: 4, last: true }, content: `<t:Groups>${groups}</t:Groups>` }));
    expect(results.itemGroups[0].summary).toEqual({ GroupCount: 12, UnreadCount: 3, InstanceKey: 'AQAAAA==', GroupByValue: 'Sadie Daniels' });
    expect(results.itemGroups[1]).not.toHaveProperty('summary');
  });
});

describe('an empty folder', () => {
  it('a grouped search gives 0 groups and 0 items', async () => {
    const results = await groupedSearch(findItemResponse({ root: { offset: 0, total: 0, last: true }, content: '<t:Groups/>' }));
    expect(results).toEqual({ itemGroups: [], totalCount: 0, moreAvailable: false, nextPageOffset: 0 });
  });

  it('a grouped search answered with only nil extras gives 0 groups', async () => {
    const results = await groupedSearch(findItemResponse({ root: { offset: 0, total: 0, last: true }, content: `<t:Groups>${NIL_GROUP}${NIL_GROUPED_ITEMS}</t:Groups>` }));
    expect(results.itemGroups).toEqual([]);
  });

  it('an ungrouped search gives 0 items', async () => {
    const results = await findItems(recordedSearch([findItemResponse({ root: { offset: 0, total: 0, last: true }, content: '<t:Items/>' })]).client, 'inbox', view);
    expect(results).toEqual({ items: [], totalCount: 0, moreAvailable: false, nextPageOffset: 0 });
  });
});

describe('a grouped search over 3 pages', () => {
  // Exchange counts group header rows in grouped offsets and totals: 3 + 2 items and 2 groups end page 1 at 7;
  // 12 items in 4 groups make TotalItemsInView 16.
  const pages = [
    findItemResponse({ root: { offset: 7, total: 16, last: false }, content: `<t:Groups>${NIL_GROUP}${group('0', messages('a', 3))}${group('1', messages('b', 2))}</t:Groups>` }),
    findItemResponse({ root: { offset: 13, total: 16, last: false }, content: `<t:Groups>${group('1', messages('c', 1), 'Group')}${NIL_GROUPED_ITEMS}${group('2', messages('d', 3), 'Group')}</t:Groups>` }),
    findItemResponse({ root: { offset: 18, total: 16, last: true }, content: `<t:Groups>${group('2', messages('e', 1))}${group('3', messages('f', 2))}${NIL_GROUP}</t:Groups>` }),
  ];

  it('follows IndexedPagingOffset until IncludesLastItemInRange: 3 requests at offsets 0, 7, 13; 6 group parts, 12 items', async () => {
    const search = recordedSearch(pages);
    const seen: string[][] = [];
    for await (const page of findGroupedItemPages(search.client, 'inbox', { ...view, pageSize: 5 }, bySender)) seen.push(outline(page.itemGroups));
    expect(seen).toEqual([['0: a1 a2 a3', '1: b1 b2'], ['1: c1', '2: d1 d2 d3'], ['2: e1', '3: f1 f2']]);
    expect(search.requests.map((r) => (r as { IndexedPageItemView: unknown }).IndexedPageItemView)).toEqual([
      { MaxEntriesReturned: 5, Offset: 0, BasePoint: 'Beginning' },
      { MaxEntriesReturned: 5, Offset: 7, BasePoint: 'Beginning' },
      { MaxEntriesReturned: 5, Offset: 13, BasePoint: 'Beginning' },
    ]);
  });

  it('findAllItemGroups yields every group part in order, each request sent only when the previous page is used up', async () => {
    const search = recordedSearch(pages);
    const groups: string[] = [];
    const requestsWhenYielded: number[] = [];
    for await (const itemGroup of findAllItemGroups(search.client, 'inbox', { ...view, pageSize: 5 }, bySender)) {
      groups.push(outline([itemGroup])[0]);
      requestsWhenYielded.push(search.requests.length);
    }
    expect(groups).toEqual(['0: a1 a2 a3', '1: b1 b2', '1: c1', '2: d1 d2 d3', '2: e1', '3: f1 f2']);
    expect(requestsWhenYielded).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('a limit of 4 items stops after the first page, its second group cut to 1 item', async () => {
    const search = recordedSearch(pages);
    const groups: string[] = [];
    for await (const itemGroup of findAllItemGroups(search.client, 'inbox', { ...view, pageSize: 5 }, bySender, undefined, { limit: 4 })) groups.push(outline([itemGroup])[0]);
    expect(groups).toEqual(['0: a1 a2 a3', '1: b1']);
    expect(search.requests).toHaveLength(1);
  });
});

describe('grouped answers that do not fit the request', () => {
  it('an Error response message fails the search with EwsSearchError', async () => {
    const attempt = groupedSearch(errorResponse('FindItem', 'ErrorInvalidPropertyRequest', 'The property cannot be used for grouping.'));
    await expect(attempt).rejects.toThrow(EwsSearchError);
    await expect(attempt).rejects.toMatchObject({ responseCode: 'ErrorInvalidPropertyRequest', folderIndex: 0, retryable: false });
  });

  it('a grouped search answered with a flat list (gromox ignores GroupBy) returns every item in one group, flagged', async () => {
    const result = await groupedSearch(findItemResponse({ root: { offset: 2, last: true }, content: `<t:Items>${messages('a', 2)}</t:Items><t:Groups/>` }));
    expect(result.groupingIgnoredByServer).toBe(true);
    expect(result.itemGroups.map((g) => g.groupIndex)).toEqual(['']);
    expect(result.itemGroups[0].items).toHaveLength(2);
  });

  it('both groups and ungrouped items in one answer are an UnexpectedSearchResponseError, not silently dropped', async () => {
    const groups = '<t:Groups><t:GroupedItems><t:GroupIndex>0</t:GroupIndex><t:Items/></t:GroupedItems></t:Groups>';
    const attempt = groupedSearch(findItemResponse({ root: { offset: 2, last: true }, content: `<t:Items>${messages('a', 2)}</t:Items>${groups}` }));
    await expect(attempt).rejects.toThrow(UnexpectedSearchResponseError);
  });
});
