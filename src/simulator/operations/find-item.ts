/**
 * FindItem: traversal → (CalendarView expansion) → Restriction and QueryString → SortOrder → grouping
 * → paging → ItemShape, with one response message per parent folder. Without a SortOrder items come
 * newest first (DateTimeReceived descending), as Exchange lists a folder; a CalendarView by start.
 */
import type * as m from '../../../generated/messages';
import type * as t from '../../../generated/types';
import type { Mailbox } from '../store/mailbox';
import type { WithNewer } from '../../schema/release-types';
import type { ItemData, StoredFolder, StoredItem } from '../store/records';
import { calendarViewItems } from './calendar-view';
import type { OperationHandler } from './context';
import { resolveFolder } from './id-resolution';
import { shapeItem } from './item-shape';
import { dataOfListed, type ListedItem } from './listed-item';
import { type Group, type Grouping, groupingOf, groupRecords, type SortField, sortFieldsOf, sortRecords } from './ordering';
import { type PagedView, pageWindow, pagingAttributes } from './paging';
import { compileQueryString } from './query-string';
import { compileRestriction } from './restriction';
import { respond } from './response-messages';

interface Query {
  readonly filters: ((data: ItemData) => boolean)[];
  readonly sort: SortField[];
  readonly grouping?: Grouping;
}

const NEWEST_FIRST: t.FieldOrderType[] = [{ Order: 'Descending', FieldURI: { FieldURI: 'item:DateTimeReceived' } }];

export const findItem: OperationHandler<'FindItem'> = (context, request) => {
  let query: Query | undefined;
  return {
    ResponseMessages: request.ParentFolderIds.map((id) => respond('FindItemResponseMessage', {}, () => {
      query ??= compileQuery(request);
      const { mailbox, folder } = resolveFolder(context, id);
      return { RootFolder: findIn(request, query, mailbox, folder) };
    })),
  };
};

function compileQuery(request: m.FindItemType): Query {
  const filters: Query['filters'] = [];
  if (request.Restriction) filters.push(compileRestriction(request.Restriction));
  // Absent before Exchange 2010 SP1, a plain string in its schema, an element with attributes from 2013 on.
  const aqs = (request as WithNewer<m.FindItemType, 'QueryString'>).QueryString as { $value?: string } | string | undefined;
  const aqsText = typeof aqs === 'string' ? aqs : aqs?.$value;
  if (aqsText) filters.push(compileQueryString(aqsText));
  return {
    filters,
    sort: sortFieldsOf(request.SortOrder ?? (request.CalendarView ? [] : NEWEST_FIRST)),
    grouping: groupingOf(request.GroupBy, request.DistinguishedGroupBy),
  };
}

function findIn(request: m.FindItemType, query: Query, mailbox: Mailbox, folder: StoredFolder): t.FindItemParentType {
  const candidates = itemsFor(mailbox, folder, request.Traversal);
  // Newest first before the (stable) sort, so items with equal sort keys also come newest first.
  let listed: ListedItem[] = request.CalendarView
    ? calendarViewItems(mailbox, folder, candidates, request.CalendarView)
    : candidates.reverse().map((item) => ({ item, data: item.data }));
  for (const filter of query.filters) listed = listed.filter((entry) => filter(entry.data));
  if (query.sort.length > 0) listed = sortRecords(listed, query.sort, dataOfListed);
  const shape = (entry: ListedItem) => shapeItem(entry.item.element, entry.data, request.ItemShape, { listing: true });

  if (request.CalendarView) {
    const max = request.CalendarView.MaxEntriesReturned ?? listed.length;
    const page = listed.slice(0, max);
    return { TotalItemsInView: listed.length, IncludesLastItemInRange: page.length === listed.length, Items: page.map(shape) };
  }
  const view: PagedView = { indexed: request.IndexedPageItemView, fractional: request.FractionalPageItemView };
  if (!query.grouping) {
    const window = pageWindow(listed.length, view);
    return { ...pagingAttributes(listed.length, window, view), Items: listed.slice(window.start, window.end).map(shape) };
  }
  // A grouped view pages over rows: each group is a header row followed by its items, as Exchange
  // counts them (its documented example: 8 items in 2 groups end at IndexedPagingOffset 10).
  const groups = groupRecords(listed, query.grouping, dataOfListed);
  const rows = listed.length + groups.length;
  const window = pageWindow(rows, view);
  const onPage = groupsInRows(groups, window.start, window.end);
  return {
    ...pagingAttributes(rows, window, view),
    TotalItemsInView: listed.length,
    Groups: onPage.map((group) => ({ GroupIndex: String(group.index), Items: group.records.map(shape) })),
  };
}

/** The groups with a row in rows [start, end), each with its items that fall there. */
function groupsInRows<T>(groups: readonly Group<T>[], start: number, end: number): Group<T>[] {
  const result: Group<T>[] = [];
  let header = 0;
  for (const group of groups) {
    const firstItem = header + 1;
    const from = Math.max(start - firstItem, 0);
    const to = Math.min(end - firstItem, group.records.length);
    if (header < end && firstItem + group.records.length > start && (header >= start || to > from)) {
      result.push({ index: group.index, records: group.records.slice(from, Math.max(to, from)) });
    }
    header = firstItem + group.records.length;
  }
  return result;
}

/** Shallow lists normal items; Associated the folder-associated ones; SoftDeleted those deleted from it. */
function itemsFor(mailbox: Mailbox, folder: StoredFolder, traversal: t.ItemQueryTraversalType): StoredItem[] {
  if (traversal === 'SoftDeleted') {
    const dumpster = mailbox.distinguishedFolder('recoverableitemsdeletions')!;
    return mailbox.itemsIn(dumpster.key).filter((item) => item.softDeletedFrom === folder.key);
  }
  const associated = (traversal as string) === 'Associated'; // Exchange 2010 SP1 and later
  return mailbox.itemsIn(folder.key).filter((item) => (item.data.IsAssociated === true) === associated);
}
