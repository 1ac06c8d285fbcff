/**
 * findItems: one FindItem request, read into FindItemsResults or, when grouped, GroupedFindItemsResults.
 * The async iterators page through the whole search (`for await (const item of findAllItems(…))`).
 */
import type { FindItemResponseMessageType } from '../../generated/messages';
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import { foldersOf, isFolderList, type FolderRef, type FolderScope } from './folders';
import type { ItemGrouping } from './grouping';
import { nextItemView, pages, type Pager, type PagingOptions } from './paging';
import { findItemRequest } from './requests';
import type { ItemRestriction } from './restrictions';
import {
  groupedResults, itemsResults, responsePayloads, type FindItemsResults, type GroupedFindItemsResults, type Item, type ItemGroup,
} from './results';
import type { ItemView } from './views';

/** What a search needs of the client: its typed `call`. */
export type SearchClient = Pick<ExchangeClient, 'call'>;

/** One page of a search of one folder, or of several (then one result per folder, in order). */
export function findItems(client: SearchClient, folder: FolderRef, view: ItemView, grouping?: undefined, restriction?: ItemRestriction, options?: CallOptions): Promise<FindItemsResults>;
export function findItems(client: SearchClient, folder: FolderRef, view: ItemView, grouping: ItemGrouping, restriction?: ItemRestriction, options?: CallOptions): Promise<GroupedFindItemsResults>;
export function findItems(client: SearchClient, folders: readonly FolderRef[], view: ItemView, grouping?: undefined, restriction?: ItemRestriction, options?: CallOptions): Promise<FindItemsResults[]>;
export function findItems(client: SearchClient, folders: readonly FolderRef[], view: ItemView, grouping: ItemGrouping, restriction?: ItemRestriction, options?: CallOptions): Promise<GroupedFindItemsResults[]>;
/**
 * One page of a search of one folder, or of several (then one result per folder, in order):
 * `findItems(client, { folder: 'inbox', view: { pageSize: 50 }, grouping, restriction })`. A wrong field is
 * reported at that field. The positional form `findItems(client, folder, view, grouping?, restriction?)`
 * is the same call.
 */
export function findItems<O extends FindItemsOptions>(client: SearchClient, search: O & FindItemsOptions): Promise<FindItemsResultOf<O>>;
export async function findItems(
  client: SearchClient, scopeOrSearch: FolderScope | FindItemsOptions, positionalView?: ItemView, positionalGrouping?: ItemGrouping,
  positionalRestriction?: ItemRestriction, positionalOptions?: CallOptions,
): Promise<FindItemsResults | GroupedFindItemsResults | FindItemsResults[] | GroupedFindItemsResults[]> {
  const { folder: scope, view, grouping, restriction, callOptions: options } = isSearchOptions(scopeOrSearch) ? scopeOrSearch
    : { folder: scopeOrSearch, view: positionalView!, grouping: positionalGrouping, restriction: positionalRestriction, callOptions: positionalOptions };
  const folders = foldersOf(scope);
  const result = await client.call('FindItem', findItemRequest(folders, view, grouping, restriction), options);
  const payloads = responsePayloads<FindItemResponseMessageType>(result, 'FindItemResponseMessage', folders.length);
  const results = grouping ? payloads.map(groupedResults) : payloads.map(itemsResults);
  return isFolderList(scope) ? results : results[0];
}

/** A search in one options object (findItems' first form). */
export interface FindItemsOptions {
  /** One folder, or several searched by one request (then one result per folder, in order). */
  readonly folder: FolderScope;
  readonly view: ItemView;
  /** Group the results (GroupBy or DistinguishedGroupBy). */
  readonly grouping?: ItemGrouping;
  readonly restriction?: ItemRestriction;
  /** Abort signal, timeout, headers or request context of this call. */
  readonly callOptions?: CallOptions;
}

/** What findItems answers for a search: grouped or not, for one folder or a list of folders. */
export type FindItemsResultOf<O extends FindItemsOptions> =
  O extends { readonly grouping: ItemGrouping }
    ? (O['folder'] extends readonly FolderRef[] ? GroupedFindItemsResults[] : GroupedFindItemsResults)
    : (O['folder'] extends readonly FolderRef[] ? FindItemsResults[] : FindItemsResults);

/** The options form carries `view`; no folder reference does. */
function isSearchOptions(value: FolderScope | FindItemsOptions): value is FindItemsOptions {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'view' in value && 'folder' in value;
}

/** Every page of an ungrouped search, folder after folder. */
export function findItemPages(
  client: SearchClient, scope: FolderScope, view: ItemView, restriction?: ItemRestriction, options: PagingOptions = {},
): AsyncGenerator<FindItemsResults, void, undefined> {
  const pager: Pager<ItemView, FindItemsResults> = {
    fetch: (folder, page, callOptions) => findItems(client, folder, page, undefined, restriction, callOptions),
    count: (page) => page.items.length,
    truncate: (page, max) => ({ ...page, items: page.items.slice(0, max) }),
    // Exchange cuts a calendar view that overflows MaxEntriesReturned differently across versions: never shrink it.
    shrink: (page, max) => (page.kind === 'calendar' ? page : { ...page, pageSize: max }),
    next: nextItemView,
  };
  return pages(scope, view, pager, options);
}

/** Every item of an ungrouped search, in order. */
export async function* findAllItems(
  client: SearchClient, scope: FolderScope, view: ItemView, restriction?: ItemRestriction, options: PagingOptions = {},
): AsyncGenerator<Item, void, undefined> {
  for await (const page of findItemPages(client, scope, view, restriction, options)) yield* page.items;
}

/**
 * Every page of a grouped search. `limit` counts items. Exchange pages grouped results by rows (its
 * offsets count group headers too), so a group can end on one page and continue on the next.
 */
export function findGroupedItemPages(
  client: SearchClient, scope: FolderScope, view: ItemView, grouping: ItemGrouping, restriction?: ItemRestriction, options: PagingOptions = {},
): AsyncGenerator<GroupedFindItemsResults, void, undefined> {
  const pager: Pager<ItemView, GroupedFindItemsResults> = {
    fetch: (folder, page, callOptions) => findItems(client, folder, page, grouping, restriction, callOptions),
    count: (page) => page.itemGroups.reduce((sum, group) => sum + group.items.length, 0),
    truncate: (page, max) => ({ ...page, itemGroups: firstItemsOf(page.itemGroups, max) }),
    next: nextItemView,
  };
  return pages(scope, view, pager, options);
}

/** Every group of a grouped search, page after page (a group cut by a page boundary comes in two parts). */
export async function* findAllItemGroups(
  client: SearchClient, scope: FolderScope, view: ItemView, grouping: ItemGrouping, restriction?: ItemRestriction, options: PagingOptions = {},
): AsyncGenerator<ItemGroup, void, undefined> {
  for await (const page of findGroupedItemPages(client, scope, view, grouping, restriction, options)) yield* page.itemGroups;
}

/** The groups holding the first `max` items, the last one cut. */
function firstItemsOf(groups: readonly ItemGroup[], max: number): ItemGroup[] {
  const kept: ItemGroup[] = [];
  for (let left = max, index = 0; left > 0 && index < groups.length; index++) {
    const group = groups[index];
    kept.push(group.items.length <= left ? group : { ...group, items: group.items.slice(0, left) });
    left -= group.items.length;
  }
  return kept;
}
