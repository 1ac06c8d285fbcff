/**
 * GetFolder and CreateFolder. Folder names are unique among siblings (case-insensitively), as in
 * Exchange; a new folder gets the class of its type unless the request gives one.
 */
import type * as t from '../../../generated/types';
import { DEFAULT_FOLDER_CLASS } from '../store/catalog';
import type { OperationHandler } from './context';
import { ResponseError } from './errors';
import { type FolderRef, resolveFolder } from './id-resolution';
import { shapeFolder } from './folder-shape';
import { respond } from './response-messages';

export const getFolder: OperationHandler<'GetFolder'> = (context, request) => ({
  ResponseMessages: request.FolderIds.map((id) => respond('GetFolderResponseMessage', { Folders: [] }, () => {
    const { mailbox, folder } = resolveFolder(context, id);
    return { Folders: [shapeFolder(mailbox, folder, request.FolderShape)] };
  })),
});

export const createFolder: OperationHandler<'CreateFolder'> = (context, request) => {
  let parent: FolderRef | undefined;
  return {
    ResponseMessages: request.Folders.map((entry) => respond('CreateFolderResponseMessage', { Folders: [] }, () => {
      parent ??= parentFolder(() => resolveFolder(context, request.ParentFolderId));
      const { mailbox, folder } = parent;
      const name = entry.DisplayName;
      if (!name) throw new ResponseError('ErrorRequiredPropertyMissing', 'Required property is missing.');
      if (mailbox.subfolders(folder.key).some((sibling) => sibling.displayName.toLowerCase() === name.toLowerCase())) throw new ResponseError('ErrorFolderExists');
      const created = mailbox.addFolder(folder.key, entry.$el, name, entry.FolderClass ?? DEFAULT_FOLDER_CLASS[entry.$el]);
      return { Folders: [{ $el: entry.$el, FolderId: mailbox.folderId(created) } as t.ArrayOfFoldersTypeEntry] };
    })),
  };
};

function parentFolder(resolve: () => FolderRef): FolderRef {
  try {
    return resolve();
  } catch (error) {
    if (error instanceof ResponseError && error.code === 'ErrorFolderNotFound') throw new ResponseError('ErrorParentFolderNotFound');
    throw error;
  }
}
