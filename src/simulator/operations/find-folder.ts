/**
 * FindFolder: the subfolders (Shallow) or all descendants in hierarchy order (Deep) of each parent,
 * filtered by a Restriction and paged. The Recoverable Items subtree stays hidden, as in Exchange;
 * the simulator keeps no soft-deleted folders, so a SoftDeleted traversal finds none.
 */
import type * as t from '../../../generated/types';
import type { Mailbox } from '../store/mailbox';
import type { StoredFolder } from '../store/records';
import type { OperationHandler } from './context';
import { folderData, shapeFolder } from './folder-shape';
import { resolveFolder } from './id-resolution';
import { type PagedView, pageWindow, pagingAttributes } from './paging';
import { compileRestriction, type Predicate } from './restriction';
import { respond } from './response-messages';

export const findFolder: OperationHandler<'FindFolder'> = (context, request) => {
  let restriction: Predicate | undefined;
  return {
    ResponseMessages: request.ParentFolderIds.map((id) => respond('FindFolderResponseMessage', {}, () => {
      if (request.Restriction) restriction ??= compileRestriction(request.Restriction);
      const { mailbox, folder } = resolveFolder(context, id);
      let found = request.Traversal === 'SoftDeleted' ? [] : descendants(mailbox, folder, request.Traversal === 'Deep');
      if (restriction) found = found.filter((candidate) => restriction!(folderData(mailbox, candidate)));
      const view: PagedView = { indexed: request.IndexedPageFolderView, fractional: request.FractionalPageFolderView };
      const window = pageWindow(found.length, view);
      const rootFolder: t.FindFolderParentType = {
        ...pagingAttributes(found.length, window, view),
        Folders: found.slice(window.start, window.end).map((candidate) => shapeFolder(mailbox, candidate, request.FolderShape)),
      };
      return { RootFolder: rootFolder };
    })),
  };
};

function descendants(mailbox: Mailbox, parent: StoredFolder, deep: boolean): StoredFolder[] {
  const found: StoredFolder[] = [];
  for (const child of mailbox.subfolders(parent.key)) {
    if ((child.distinguishedId as string | undefined) === 'recoverableitemsroot') continue;
    found.push(child);
    if (deep) found.push(...descendants(mailbox, child, true));
  }
  return found;
}
