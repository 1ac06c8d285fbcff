/** FindItem and FindFolder request bodies from a search's folders, view, grouping and restriction. */
import type { FindFolderType, FindItemType } from '../../generated/messages';
import { parentFolderIds, type FolderRef } from './folders';
import { groupingPart, type ItemGrouping } from './grouping';
import { isAqsQuery, toRestriction, type ItemRestriction, type SearchFilter } from './restrictions';
import { folderViewPart, itemViewPart, type FolderView, type ItemView } from './views';

export function findItemRequest(
  folders: readonly FolderRef[], view: ItemView, grouping?: ItemGrouping, restriction?: ItemRestriction,
): FindItemType {
  const viewPart = itemViewPart(view);
  return {
    ...viewPart,
    ...(grouping && groupingPart(grouping, viewPart.SortOrder?.length ?? 0)),
    ...(restriction && (isAqsQuery(restriction) ? { QueryString: restriction.queryString } : { Restriction: toRestriction(restriction) })),
    ParentFolderIds: parentFolderIds(folders),
  };
}

export function findFolderRequest(folders: readonly FolderRef[], view: FolderView, restriction?: SearchFilter): FindFolderType {
  return {
    ...folderViewPart(view),
    ...(restriction && { Restriction: toRestriction(restriction) }),
    ParentFolderIds: parentFolderIds(folders),
  };
}
