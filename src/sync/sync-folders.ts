/**
 * syncFolders: the folder hierarchy's changes since the last committed SyncState (SyncFolderHierarchy,
 * followed until IncludesLastFolderInRange), as pages of typed changes. See pages.ts for the commit contract.
 */
import type * as t from '../../generated/types';
import type { ExchangeClient } from '../client/exchange-client';
import { targetFolder, type FolderRef } from '../schema/folders';
import { folderChangeOf, type SyncFolderChange } from './changes';
import { folderKeyOf } from './folder-key';
import { syncPages, type SyncOptions, type SyncPage } from './pages';

export interface SyncFoldersOptions extends SyncOptions {
  /** The top of the synced tree (not itself reported); the message folder root by default. */
  readonly root?: FolderRef;
  /** Folder properties of created and updated folders; `AllProperties` by default. */
  readonly baseShape?: t.DefaultShapeNamesType;
}

export type FolderSyncPage = SyncPage<SyncFolderChange>;

export function syncFolders(client: ExchangeClient, options: SyncFoldersOptions = {}): AsyncGenerator<FolderSyncPage, void, undefined> {
  const { root = 'msgfolderroot', baseShape = 'AllProperties', ...syncOptions } = options;
  const SyncFolderId = targetFolder(root);
  return syncPages<SyncFolderChange>({
    operation: 'SyncFolderHierarchy',
    storeKey: `hierarchy:${folderKeyOf(root)}`,
    fetch: async (SyncState, call) => (await client.call('SyncFolderHierarchy', {
      FolderShape: { BaseShape: baseShape }, SyncFolderId, ...(SyncState !== undefined && { SyncState }),
    }, call)).responseMessages[0],
    read: (message) => {
      const payload = message.payload as { SyncState?: string; IncludesLastFolderInRange?: boolean; Changes?: t.SyncFolderHierarchyChangesType };
      return { changes: (payload.Changes ?? []).map(folderChangeOf), syncState: payload.SyncState ?? '', isLast: payload.IncludesLastFolderInRange !== false };
    },
  }, syncOptions);
}
