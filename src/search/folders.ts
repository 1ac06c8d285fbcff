/** The folders a search starts from: distinguished names (optionally in another mailbox) or folder ids. */
import type {
  DistinguishedFolderIdNameType, NonEmptyArrayOfBaseFolderIdsType, NonEmptyArrayOfBaseFolderIdsTypeEntry,
} from '../../generated/types';
import { InvalidSearchError } from './errors';

/** `'inbox'`, or an entry made by `distinguishedFolder` / `folderId`. */
export type FolderRef = DistinguishedFolderIdNameType | NonEmptyArrayOfBaseFolderIdsTypeEntry;

/** One folder, or several searched by one request (one result per folder, in order). */
export type FolderScope = FolderRef | readonly FolderRef[];

/** A well-known folder, of another mailbox when `mailbox` (its SMTP address) is given (delegate access). */
export function distinguishedFolder(name: DistinguishedFolderIdNameType, mailbox?: string): NonEmptyArrayOfBaseFolderIdsTypeEntry {
  return { $el: 'DistinguishedFolderId', Id: name, ...(mailbox !== undefined && { Mailbox: { EmailAddress: mailbox } }) };
}

export function folderId(id: string, changeKey?: string): NonEmptyArrayOfBaseFolderIdsTypeEntry {
  return { $el: 'FolderId', Id: id, ...(changeKey !== undefined && { ChangeKey: changeKey }) };
}

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
  return folders.map((folder) => (typeof folder === 'string' ? distinguishedFolder(folder) : folder));
}
