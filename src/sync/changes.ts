/**
 * Typed changes of a sync. Each Create/Update carries the item or folder as a `$el`-tagged entry (as
 * FindItem lists them), so `switch (change.item.$el)` narrows it; Delete and ReadFlagChange carry ids.
 */
import type * as t from '../../generated/types';
import { UnexpectedSyncResponseError } from './errors';

export type SyncedItem = t.ArrayOfRealItemsTypeEntry;
export type SyncedFolder = t.ArrayOfFoldersTypeEntry;

export type SyncItemChange =
  | { readonly kind: 'create' | 'update'; readonly itemId?: t.ItemIdType; readonly item: SyncedItem }
  | { readonly kind: 'delete'; readonly itemId: t.ItemIdType }
  | { readonly kind: 'readFlag'; readonly itemId: t.ItemIdType; readonly isRead: boolean };

export type SyncFolderChange =
  | { readonly kind: 'create' | 'update'; readonly folderId?: t.FolderIdType; readonly folder: SyncedFolder }
  | { readonly kind: 'delete'; readonly folderId: t.FolderIdType };

export function syncItemChangeOf(entry: t.SyncFolderItemsChangesTypeEntry): SyncItemChange {
  switch (entry.$el) {
    case 'Delete': return { kind: 'delete', itemId: entry.ItemId };
    case 'ReadFlagChange': return { kind: 'readFlag', itemId: entry.ItemId, isRead: entry.IsRead };
    default: {
      const item = chosen(entry) as SyncedItem;
      return { kind: entry.$el === 'Create' ? 'create' : 'update', item, ...(item.ItemId && { itemId: item.ItemId }) };
    }
  }
}

export function folderChangeOf(entry: t.SyncFolderHierarchyChangesTypeEntry): SyncFolderChange {
  if (entry.$el === 'Delete') return { kind: 'delete', folderId: entry.FolderId };
  const folder = chosen(entry) as SyncedFolder;
  return { kind: entry.$el === 'Create' ? 'create' : 'update', folder, ...(folder.FolderId && { folderId: folder.FolderId }) };
}

/**
 * The one element of a Create/Update's choice as a tagged entry. The choice is one optional property per
 * alternative (the instance model's single choice), so the element is whichever schema property is set.
 */
function chosen(entry: object): { $el: string } & Record<string, unknown> {
  for (const [name, value] of Object.entries(entry)) {
    if (!name.startsWith('$') && value !== undefined && typeof value === 'object') return { $el: name, ...(value as Record<string, unknown>) };
  }
  throw new UnexpectedSyncResponseError(`a ${String((entry as { $el?: unknown }).$el)} change without an item or folder the schema knows`);
}
