/** Mailbox sync: folder hierarchy and folder items as pages of typed changes, resumable through a state store. */
export { syncItems, MAX_SYNC_PAGE_SIZE } from './sync-items';
export type { SyncItemsOptions, ItemSyncPage } from './sync-items';
export { syncFolders } from './sync-folders';
export type { SyncFoldersOptions, FolderSyncPage } from './sync-folders';
export type { SyncOptions, SyncPage, SyncRestart } from './pages';
export type { SyncItemChange, SyncFolderChange, SyncedItem, SyncedFolder } from './changes';
export { FileSyncStateStore, MemorySyncStateStore } from './state-store';
export type { SyncCheckpoint, SyncStateStore } from './state-store';
export { EwsSyncError, UnexpectedSyncResponseError, InvalidSyncOptionsError } from './errors';
export { folderKeyOf } from './folder-key';
