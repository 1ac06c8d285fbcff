/** Searching: findItems / findFolders with views, grouping, typed restrictions and paging iterators. */
export { findItems, findItemPages, findAllItems, findGroupedItemPages, findAllItemGroups } from './find-items';
export type { SearchClient, FindItemsOptions, FindItemsResultOf } from './find-items';
export { streamItems } from './stream-items';
export type { StreamedItem, StreamedPageInfo } from './stream-items';
export { findFolders, findFolderPages, findAllFolders } from './find-folders';
export type { PagingOptions } from './paging';
export { distinguishedFolder, folderId } from './folders';
export type { FolderRef, FolderScope } from './folders';
export { propertySet } from './views';
export type {
  ItemView, IndexedItemView, FractionalItemView, SeekToConditionItemView, CalendarItemView, FolderView, IndexedFolderView,
  FractionalFolderView, SortField,
} from './views';
export { MAX_GROUPED_SORT_FIELDS } from './grouping';
export type { Grouping, DistinguishedGrouping, ItemGrouping } from './grouping';
export {
  isEqualTo, isNotEqualTo, isGreaterThan, isGreaterThanOrEqualTo, isLessThan, isLessThanOrEqualTo, contains, excludes, exists,
  and, or, not, queryString, toRestriction,
} from './restrictions';
export type { SearchFilter, AqsQuery, ItemRestriction, ContainsOptions, QueryStringOptions } from './restrictions';
export type { ConstantValue, ConstantFor } from './constants';
export { findItemRequest, findFolderRequest } from './requests';
export type { Item, Folder, PageInfo, FindItemsResults, GroupedFindItemsResults, ItemGroup, FindFoldersResults } from './results';
export { InvalidSearchError, TooManySortFieldsError, EwsSearchError, UnexpectedSearchResponseError } from './errors';
