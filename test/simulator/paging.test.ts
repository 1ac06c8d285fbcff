/**
 * Paged FindItem over the 30-message inbox: three indexed pages, three grouped pages, a fractional
 * view, paging from the end, and the attributes of a view without paging.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { findItem } from '../../src/simulator/operations/find-item';
import { fieldUri, folder, only } from './fixtures';
import { inboxWorld } from './inbox-fixture';

const world = inboxWorld();

function find(view: Partial<Pick<m.FindItemType, 'IndexedPageItemView' | 'FractionalPageItemView' | 'GroupBy'>>): t.FindItemParentType {
  const response = findItem(world.alice, {
    Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('item:Subject')] }, ...view,
    SortOrder: [{ Order: 'Ascending', FieldURI: { FieldURI: 'item:DateTimeReceived' } }],
    ParentFolderIds: [folder('inbox')],
  });
  return only<m.FindItemResponseMessageType & { $el: 'FindItemResponseMessage' }>(response).RootFolder!;
}

const days = (items: t.ArrayOfRealItemsType): number[] => items.map((item) => Number(item.Subject!.replace('Day ', '')));
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

describe('paging', () => {
  test('three indexed pages of 12: IndexedPagingOffset is the next offset, the last page includes the last item', () => {
    const pages = [0, 12, 24].map((Offset) => find({ IndexedPageItemView: { MaxEntriesReturned: 12, Offset, BasePoint: 'Beginning' } }));
    expect(pages.map((page) => days(page.Items!))).toEqual([range(0, 12), range(12, 24), range(24, 30)]);
    expect(pages.map(({ IndexedPagingOffset, TotalItemsInView, IncludesLastItemInRange }) => [IndexedPagingOffset, TotalItemsInView, IncludesLastItemInRange]))
      .toEqual([[12, 30, false], [24, 30, false], [30, 30, true]]);
  });

  test('grouped pages count rows (a header per group plus its items) and follow IndexedPagingOffset; every item comes once', () => {
    const GroupBy: t.GroupByType = { Order: 'Descending', FieldURI: { FieldURI: 'message:From' }, AggregateOn: { Aggregate: 'Minimum', FieldURI: { FieldURI: 'item:DateTimeReceived' } } };
    const pages = [];
    for (let Offset = 0, done = false; !done;) {
      const page = find({ IndexedPageItemView: { MaxEntriesReturned: 10, Offset, BasePoint: 'Beginning' }, GroupBy });
      pages.push(page);
      Offset = page.IndexedPagingOffset!;
      done = page.IncludesLastItemInRange!;
    }
    // 5 senders × 6 messages = 35 rows: pages of 10 rows split groups 1, 2 and 4.
    expect(pages.map((page) => page.Groups!.map((group) => [group.GroupIndex, group.Items.length]))).toEqual([
      [['0', 6], ['1', 2]], [['1', 4], ['2', 5]], [['2', 1], ['3', 6], ['4', 1]], [['4', 5]],
    ]);
    expect(pages.map((page) => [page.IndexedPagingOffset, page.TotalItemsInView, page.IncludesLastItemInRange]))
      .toEqual([[10, 30, false], [20, 30, false], [30, 30, false], [35, 30, true]]);
    const seen = pages.flatMap((page) => page.Groups!.flatMap((group) => days(group.Items)));
    expect(seen.sort((a, b) => a - b)).toEqual(range(0, 30));
  });

  test('BasePoint End pages backwards from the end of the view', () => {
    const last = find({ IndexedPageItemView: { MaxEntriesReturned: 5, Offset: 0, BasePoint: 'End' } });
    expect(days(last.Items!)).toEqual(range(25, 30));
    expect(last).toMatchObject({ IndexedPagingOffset: 5, IncludesLastItemInRange: false });
    const first = find({ IndexedPageItemView: { MaxEntriesReturned: 5, Offset: 27, BasePoint: 'End' } });
    expect(days(first.Items!)).toEqual(range(0, 3));
    expect(first).toMatchObject({ IndexedPagingOffset: 30, IncludesLastItemInRange: true });
  });

  test('FractionalPageItemView starts at Numerator/Denominator of the view and reports NumeratorOffset over AbsoluteDenominator', () => {
    const half = find({ FractionalPageItemView: { MaxEntriesReturned: 4, Numerator: 1, Denominator: 2 } });
    expect(days(half.Items!)).toEqual(range(15, 19));
    expect(half).toMatchObject({ NumeratorOffset: 19, AbsoluteDenominator: 30, TotalItemsInView: 30, IncludesLastItemInRange: false });
    expect(half.IndexedPagingOffset).toBeUndefined();
  });

  test('an offset past the end returns no items and says the last item is in range', () => {
    const beyond = find({ IndexedPageItemView: { MaxEntriesReturned: 5, Offset: 40, BasePoint: 'Beginning' } });
    expect(beyond).toMatchObject({ Items: [], IndexedPagingOffset: 30, TotalItemsInView: 30, IncludesLastItemInRange: true });
  });

  test('without a paged view every item comes back with TotalItemsInView and no offset', () => {
    const all = find({});
    expect(all.Items).toHaveLength(30);
    expect(all).toMatchObject({ TotalItemsInView: 30, IncludesLastItemInRange: true });
    expect(all.IndexedPagingOffset).toBeUndefined();
  });

  test('invalid fractional parameters fail the request with ErrorInvalidFractionalPagingParameters', () => {
    const response = findItem(world.alice, {
      Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, FractionalPageItemView: { Numerator: 3, Denominator: 2 }, ParentFolderIds: [folder('inbox')],
    });
    expect(response.ResponseMessages[0]).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorInvalidFractionalPagingParameters' });
  });

  test('without a SortOrder a folder lists newest first', () => {
    const response = findItem(world.alice, { Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('item:Subject')] }, IndexedPageItemView: { MaxEntriesReturned: 3, Offset: 0, BasePoint: 'Beginning' }, ParentFolderIds: [folder('inbox')] });
    expect(days(only<m.FindItemResponseMessageType & { $el: 'FindItemResponseMessage' }>(response).RootFolder!.Items!)).toEqual([29, 28, 27]);
  });
});
