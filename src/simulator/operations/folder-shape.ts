/**
 * Folders as EWS shows them: the stored folder with its counts (TotalCount, ChildFolderCount, and
 * UnreadCount for the types that have it), shaped by a t:FolderResponseShape.
 */
import type * as t from '../../../generated/types';
import type { Mailbox } from '../store/mailbox';
import type { StoredFolder } from '../store/records';
import { ResponseError } from './errors';
import { type Data, resolvePath } from './property-paths';
import { isDerivedFrom, typeOfElement } from './schema-facts';

export type ShapedFolder = t.ArrayOfFoldersTypeEntry;

const DEFAULT_FOLDER_PROPERTIES = ['FolderId', 'DisplayName', 'TotalCount', 'ChildFolderCount', 'UnreadCount'];

/** Every property of the folder, counts computed now. */
export function folderData(mailbox: Mailbox, folder: StoredFolder): Data {
  const items = mailbox.itemsIn(folder.key).filter((item) => item.data.IsAssociated !== true);
  const data: Data = {
    FolderId: mailbox.folderId(folder),
    FolderClass: folder.folderClass,
    DisplayName: folder.displayName,
    TotalCount: items.length,
    ChildFolderCount: mailbox.subfolders(folder.key).length,
  };
  const parent = folder.parentKey === null ? undefined : mailbox.folder(folder.parentKey);
  if (parent) data.ParentFolderId = mailbox.folderId(parent);
  if (folder.distinguishedId) data.DistinguishedFolderId = folder.distinguishedId;
  if (isDerivedFrom(typeOfElement(folder.element), 'FolderType')) data.UnreadCount = items.filter((item) => item.data.IsRead === false).length;
  return data;
}

export function shapeFolder(mailbox: Mailbox, folder: StoredFolder, shape: t.FolderResponseShapeType): ShapedFolder {
  const data = folderData(mailbox, folder);
  const base = shape.BaseShape === 'IdOnly' ? ['FolderId'] : shape.BaseShape === 'AllProperties' ? Object.keys(data) : DEFAULT_FOLDER_PROPERTIES;
  const shaped: Data = { $el: folder.element };
  for (const property of base) if (data[property] !== undefined) shaped[property] = data[property];
  const type = typeOfElement(folder.element);
  for (const entry of shape.AdditionalProperties ?? []) {
    const path = resolvePath(entry);
    if (!path.appliesTo(type)) throw new ResponseError('ErrorInvalidPropertyRequest', undefined, path.messageXml);
    path.project(shaped, data);
  }
  return shaped as unknown as ShapedFolder;
}
