/** The folders a search starts from: distinguished names (optionally in another mailbox) or folder ids. */
import type { NonEmptyArrayOfBaseFolderIdsType } from '../../generated/types';
import { folderEntry, type FolderRef } from '../schema/folders';
import { InvalidSearchError } from './errors';

export type { FolderRef } from '../schema/folders';
export { distinguishedFolder, folderId } from '../schema/folders';

/** One folder, or several searched by one request (one result per folder, in order). */
export type FolderScope = FolderRef | readonly FolderRef[];

/** Whether the scope names several folders (an array, even of one) rather than one folder. */
export function isFolderList(scope: FolderScope): scope is readonly FolderRef[] {
  return Array.isArray(scope);
}

export function foldersOf(scope: FolderScope): FolderRef[] {
  const folders = isFolderList(scope) ? [...scope] : [scope];
  if (folders.length === 0) throw new InvalidSearchError('a search needs at least one parent folder');
  return folders;
}

/** m:ParentFolderIds of the request. */
export function parentFolderIds(folders: readonly FolderRef[]): NonEmptyArrayOfBaseFolderIdsType {
  return folders.map((folder) => {
    try {
      return folderEntry(folder);
    } catch (error) {
      throw new InvalidSearchError((error as Error).message);
    }
  });
}
