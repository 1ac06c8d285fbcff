/**
 * Search results from FindItem / FindFolder responses. Items and folders are the reader's own arrays
 * (document order, `$el` naming each one's type), handed over without copying. The Exchange Group
 * quirks never reach this file: the reader reads legacy `t:Group` as `t:GroupedItems` and drops the
 * nil extras (see codegen/overlay.ts and descriptors.ts).
 */
import type { FindFolderResponseMessageType, FindItemResponseMessageType as FindItemResponseMessage } from '../../generated/messages';
import type {
  ArrayOfFoldersTypeEntry, ArrayOfRealItemsTypeEntry, FindFolderParentType, FindItemParentType, GroupedItemsType,
} from '../../generated/types';
import type { PropertyOf, WithNewer } from '../schema/release-types';

// Exchange 2013 additions, `never` in an SDK generated from an older release's schema.
type GroupSummaryType = PropertyOf<GroupedItemsType, 'GroupSummary'>;
type HighlightTermType = PropertyOf<FindItemResponseMessage, 'HighlightTerms'>[number];
type FindItemResponseMessageType = WithNewer<FindItemResponseMessage, 'HighlightTerms'>;
import type { CallResult } from '../client/exchange-client';
import { EwsSearchError, UnexpectedSearchResponseError } from './errors';

/** One item of any type; narrow on `$el` (`Message`, `CalendarItem`, `MeetingRequest`…). */
export type Item = ArrayOfRealItemsTypeEntry;
/** One folder of any type; narrow on `$el`. */
export type Folder = ArrayOfFoldersTypeEntry;

/** Where the page sits in the whole result, from the RootFolder attributes. */
export interface PageInfo {
  /** TotalItemsInView: entries that match (items, in a grouped search too; grouped offsets also count one header row per group). */
  readonly totalCount?: number;
  /** False once the page holds the last entry (IncludesLastItemInRange). */
  readonly moreAvailable: boolean;
  /** IndexedPagingOffset: the offset of the next page of an indexed or seek view. */
  readonly nextPageOffset?: number;
  /** NumeratorOffset / AbsoluteDenominator: the position of the next page of a fractional view. */
  readonly nextFraction?: { readonly numerator: number; readonly denominator: number };
}

export interface FindItemsResults extends PageInfo {
  readonly items: Item[];
  /** The terms an AQS search matched, when asked for with returnHighlightTerms. */
  readonly highlightTerms?: HighlightTermType[];
}

export interface ItemGroup {
  /** GroupIndex as the server sent it: the group's position or its grouped-on value. */
  readonly groupIndex: string;
  /** The group's items on this page, in document order. */
  readonly items: Item[];
  /** GroupSummary (count, unread count, grouped-on value), which Exchange 2013+ sends with collapsible groups. */
  readonly summary?: GroupSummaryType;
}

export interface GroupedFindItemsResults extends PageInfo {
  readonly itemGroups: ItemGroup[];
  readonly highlightTerms?: HighlightTermType[];
  /**
   * The server answered the grouped search with a flat list (gromox ignores GroupBy and
   * DistinguishedGroupBy): every item is then in one group whose groupIndex is ''.
   */
  readonly groupingIgnoredByServer?: true;
}

export interface FindFoldersResults extends PageInfo {
  readonly folders: Folder[];
}

/** The payload of each response message, one per parent folder, in order; a failed folder fails the search. */
export function responsePayloads<P>(result: CallResult<unknown>, element: string, folderCount: number): P[] {
  const messages = result.responseMessages;
  if (messages.length !== folderCount) {
    throw new UnexpectedSearchResponseError(`${messages.length} response messages for ${folderCount} parent folder(s)`);
  }
  return messages.map((message, index) => {
    if (message.responseClass === 'Error') throw new EwsSearchError(message, index);
    if (message.element !== element) throw new UnexpectedSearchResponseError(`<${message.element}> where <${element}> belongs`);
    return message.payload as P;
  });
}

export function itemsResults(message: FindItemResponseMessageType): FindItemsResults {
  const root = rootOf(message);
  if (root.Groups?.length) throw new UnexpectedSearchResponseError('groups in the answer to a search that was not grouped');
  return { items: root.Items ?? [], ...pageInfo(root), ...highlights(message) };
}

export function groupedResults(message: FindItemResponseMessageType): GroupedFindItemsResults {
  const root = rootOf(message);
  if (root.Items?.length) {
    if (root.Groups?.length) throw new UnexpectedSearchResponseError('both groups and ungrouped items in the answer to a grouped search');
    const itemGroups: ItemGroup[] = [{ groupIndex: UNGROUPED_INDEX, items: root.Items }];
    return { itemGroups, ...pageInfo(root), ...highlights(message), groupingIgnoredByServer: true };
  }
  const itemGroups = (root.Groups ?? []).map((group: WithNewer<GroupedItemsType, 'GroupSummary'>): ItemGroup => ({
    groupIndex: group.GroupIndex,
    items: group.Items,
    ...(group.GroupSummary !== undefined && { summary: group.GroupSummary as GroupSummaryType }),
  }));
  return { itemGroups, ...pageInfo(root), ...highlights(message) };
}

/** The groupIndex of the one group a flat answer to a grouped search is read as. */
export const UNGROUPED_INDEX = '';

export function foldersResults(message: FindFolderResponseMessageType): FindFoldersResults {
  const root = rootOf(message);
  return { folders: root.Folders ?? [], ...pageInfo(root) };
}

export function rootOf<R>(message: { RootFolder?: R }): R {
  if (!message.RootFolder) throw new UnexpectedSearchResponseError('a successful response message without RootFolder');
  return message.RootFolder;
}

export function pageInfo(root: FindItemParentType | FindFolderParentType): PageInfo {
  return {
    ...(root.TotalItemsInView !== undefined && { totalCount: root.TotalItemsInView }),
    moreAvailable: root.IncludesLastItemInRange === false,
    ...(root.IndexedPagingOffset !== undefined && { nextPageOffset: root.IndexedPagingOffset }),
    ...(root.NumeratorOffset !== undefined && root.AbsoluteDenominator !== undefined && {
      nextFraction: { numerator: root.NumeratorOffset, denominator: root.AbsoluteDenominator },
    }),
  };
}

function highlights(message: FindItemResponseMessageType): { highlightTerms?: HighlightTermType[] } {
  const terms = message.HighlightTerms as readonly unknown[] | undefined;
  return terms?.length ? { highlightTerms: terms as HighlightTermType[] } : {};
}
