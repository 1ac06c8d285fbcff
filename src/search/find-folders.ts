/** findFolders: FindFolder with the same views, restrictions and paging as findItems. */
import type { FindFolderResponseMessageType } from '../../generated/messages';
import type { CallOptions } from '../client/exchange-client';
import type { SearchClient } from './find-items';
import { foldersOf, isFolderList, type FolderRef, type FolderScope } from './folders';
import { nextFolderView, pages, type Pager, type PagingOptions } from './paging';
import { findFolderRequest } from './requests';
import type { SearchFilter } from './restrictions';
import { foldersResults, responsePayloads, type FindFoldersResults, type Folder } from './results';
import type { FolderView } from './views';

/** One page of the subfolders of one folder, or of several (then one result per folder, in order). */
export function findFolders(client: SearchClient, folder: FolderRef, view: FolderView, restriction?: SearchFilter, options?: CallOptions): Promise<FindFoldersResults>;
export function findFolders(client: SearchClient, folders: readonly FolderRef[], view: FolderView, restriction?: SearchFilter, options?: CallOptions): Promise<FindFoldersResults[]>;
export async function findFolders(
  client: SearchClient, scope: FolderScope, view: FolderView, restriction?: SearchFilter, options?: CallOptions,
): Promise<FindFoldersResults | FindFoldersResults[]> {
  const folders = foldersOf(scope);
  const result = await client.call('FindFolder', findFolderRequest(folders, view, restriction), options);
  const results = responsePayloads<FindFolderResponseMessageType>(result, 'FindFolderResponseMessage', folders.length).map(foldersResults);
  return isFolderList(scope) ? results : results[0];
}

/** Every page of a folder search, parent folder after parent folder. */
export function findFolderPages(
  client: SearchClient, scope: FolderScope, view: FolderView, restriction?: SearchFilter, options: PagingOptions = {},
): AsyncGenerator<FindFoldersResults, void, undefined> {
  const pager: Pager<FolderView, FindFoldersResults> = {
    fetch: (folder, page, callOptions) => findFolders(client, folder, page, restriction, callOptions),
    count: (page) => page.folders.length,
    truncate: (page, max) => ({ ...page, folders: page.folders.slice(0, max) }),
    shrink: (page, max) => ({ ...page, pageSize: max }),
    next: nextFolderView,
  };
  return pages(scope, view, pager, options);
}

/** Every folder a folder search finds, in order. */
export async function* findAllFolders(
  client: SearchClient, scope: FolderScope, view: FolderView, restriction?: SearchFilter, options: PagingOptions = {},
): AsyncGenerator<Folder, void, undefined> {
  for await (const page of findFolderPages(client, scope, view, restriction, options)) yield* page.folders;
}
