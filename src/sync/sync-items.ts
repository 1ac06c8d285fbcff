/**
 * syncItems: a folder's item changes since the last committed SyncState, as pages of typed changes
 * (SyncFolderItems with MaxChangesReturned, followed until IncludesLastItemInRange). See pages.ts for
 * the commit contract.
 *
 *   for await (const page of syncItems(client, 'inbox', { store, mailbox: 'alice@contoso.com' })) {
 *     for (const change of page.changes) apply(change);
 *   } // each page is committed when the loop asks for the next one
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import type { ExchangeClient } from '../client/exchange-client';
import { itemShape, type PropertySet } from '../batch/inputs';
import { targetFolder, type FolderRef } from '../schema/folders';
import type { PropertyOf, WithNewer } from '../schema/release-types';
import { syncItemChangeOf, type SyncItemChange } from './changes';
import { folderKeyOf } from './folder-key';
import { syncPages, type SyncOptions, type SyncPage } from './pages';

export interface SyncItemsOptions extends SyncOptions {
  /** Changes per request, 1 to 512 (Exchange's limit); 512 by default. */
  readonly pageSize?: number;
  /** The properties of created and updated items; `IdOnly` by default (ids, then GetItem what you need). */
  readonly propertySet?: PropertySet;
  /** Also sync the folder's associated (FAI) items. */
  readonly includeAssociated?: boolean;
  /** Items whose changes the server leaves out. */
  readonly ignore?: readonly t.ItemIdType[];
}

export type ItemSyncPage = SyncPage<SyncItemChange>;

/** Exchange accepts MaxChangesReturned from 1 to 512. */
export const MAX_SYNC_PAGE_SIZE = 512;

export function syncItems(client: ExchangeClient, folder: FolderRef, options: SyncItemsOptions = {}): AsyncGenerator<ItemSyncPage, void, undefined> {
  const { pageSize = MAX_SYNC_PAGE_SIZE, propertySet = 'IdOnly', includeAssociated = false, ignore, ...syncOptions } = options;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_SYNC_PAGE_SIZE) {
    throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_SYNC_PAGE_SIZE}, not ${pageSize}`);
  }
  const SyncFolderId = targetFolder(folder);
  return syncPages<SyncItemChange>({
    operation: 'SyncFolderItems',
    storeKey: folderKeyOf(folder),
    fetch: async (SyncState, call) => {
      // SyncScope is Exchange 2010's (`never` in an SDK generated from an older schema: release-types.ts);
      // absent, it means NormalItems, so it is sent only to ask for associated items too.
      const request: WithNewer<m.SyncFolderItemsType, 'SyncScope'> = {
        ItemShape: itemShape(propertySet), SyncFolderId, ...(SyncState !== undefined && { SyncState }),
        ...(ignore && ignore.length > 0 && { Ignore: ignore.map((id) => ({ $el: 'ItemId' as const, ...id })) }),
        MaxChangesReturned: pageSize,
        ...(includeAssociated && { SyncScope: 'NormalAndAssociatedItems' as PropertyOf<m.SyncFolderItemsType, 'SyncScope'> }),
      };
      return (await client.call('SyncFolderItems', request, call)).responseMessages[0];
    },
    read: (message) => {
      const payload = message.payload as { SyncState?: string; IncludesLastItemInRange?: boolean; Changes?: t.SyncFolderItemsChangesType };
      return { changes: (payload.Changes ?? []).map(syncItemChangeOf), syncState: payload.SyncState ?? '', isLast: payload.IncludesLastItemInRange !== false };
    },
  }, syncOptions);
}
