/**
 * Folder references, shared by every layer: a distinguished folder name (`'inbox'`), or a FolderId /
 * DistinguishedFolderId entry (the `$el`-tagged form of t:BaseFolderId lists), made by
 * `distinguishedFolder` (optionally of another mailbox) and `folderId`. `targetFolder` gives the
 * single-choice form that SavedItemFolderId / ToFolderId take.
 */
import {
  DistinguishedFolderIdNameTypeValues, type DistinguishedFolderIdNameType, type NonEmptyArrayOfBaseFolderIdsTypeEntry,
  type TargetFolderIdType,
} from '../../generated/types';

export type FolderRef = DistinguishedFolderIdNameType | NonEmptyArrayOfBaseFolderIdsTypeEntry;

/** A well-known folder, of another mailbox when `mailbox` (its SMTP address) is given (delegate access). */
export function distinguishedFolder(name: DistinguishedFolderIdNameType, mailbox?: string): NonEmptyArrayOfBaseFolderIdsTypeEntry {
  return { $el: 'DistinguishedFolderId', Id: name, ...(mailbox !== undefined && { Mailbox: { EmailAddress: mailbox } }) };
}

export function folderId(id: string, changeKey?: string): NonEmptyArrayOfBaseFolderIdsTypeEntry {
  return { $el: 'FolderId', Id: id, ...(changeKey !== undefined && { ChangeKey: changeKey }) };
}

const DISTINGUISHED_FOLDERS: ReadonlySet<string> = new Set(DistinguishedFolderIdNameTypeValues);

/** The entry form; throws TypeError for a string that is no distinguished folder name. */
export function folderEntry(folder: FolderRef): NonEmptyArrayOfBaseFolderIdsTypeEntry {
  if (typeof folder !== 'string') return folder;
  if (!DISTINGUISHED_FOLDERS.has(folder)) {
    throw new TypeError(`${JSON.stringify(folder)} is not a distinguished folder name; use folderId(id) for a folder id`);
  }
  return distinguishedFolder(folder);
}

/** The single-choice form (t:TargetFolderIdType); a TargetFolderIdType passes through. */
export function targetFolder(folder: FolderRef | TargetFolderIdType): TargetFolderIdType {
  if (typeof folder !== 'string' && !('$el' in folder)) return folder;
  const { $el, ...id } = folderEntry(folder);
  return $el === 'FolderId' ? { FolderId: id as TargetFolderIdType['FolderId'] & object } : { DistinguishedFolderId: id as TargetFolderIdType['DistinguishedFolderId'] & object };
}
