/**
 * SyncFolderHierarchy: the folders below SyncFolderId (the message folder root when omitted) that were
 * created, changed (moved) or deleted since a SyncState, one change per folder at its latest change.
 * Exchange returns the whole hierarchy in one response (there is no MaxChangesReturned here), so
 * IncludesLastFolderInRange is always true.
 */
import type * as m from '../../../generated/messages';
import type * as t from '../../../generated/types';
import type { StoredFolder } from '../store/records';
import type { OperationContext, OperationHandler } from './context';
import { shapeFolder } from './folder-shape';
import { resolveFolder } from './id-resolution';
import { respond, type ResponsePayload } from './response-messages';
import { decodeSyncState, encodeSyncState } from './sync-folder-items';

const HIERARCHY_STATE_PREFIX = 'typed-ews-hierarchy/1';

type Change = { readonly at: number; readonly entry: t.SyncFolderHierarchyChangesTypeEntry };

export const syncFolderHierarchy: OperationHandler<'SyncFolderHierarchy'> = (context, request) => ({
  ResponseMessages: [respond('SyncFolderHierarchyResponseMessage', { SyncState: '', IncludesLastFolderInRange: true }, () => synchronise(context, request))],
});

function synchronise(context: OperationContext, request: m.SyncFolderHierarchyType): ResponsePayload<'SyncFolderHierarchyResponseMessage'> {
  const { mailbox, folder: root } = resolveFolder(context, request.SyncFolderId ?? { DistinguishedFolderId: { Id: 'msgfolderroot' } });
  const since = request.SyncState ? decodeSyncState(request.SyncState, mailbox, root, HIERARCHY_STATE_PREFIX, 1)[0] : 0;
  const changes: Change[] = [];
  for (const folder of mailbox.descendants(root.key)) {
    const change = folderChange(folder, since, () => shapeFolder(mailbox, folder, request.FolderShape));
    if (change) changes.push(change);
  }
  for (const tombstone of mailbox.folderTombstones) {
    if (tombstone.leftAt > since && tombstone.createdAt <= since && tombstone.ancestorKeys.includes(root.key)) {
      changes.push({ at: tombstone.leftAt, entry: { $el: 'Delete', FolderId: { Id: tombstone.folderId } } });
    }
  }
  changes.sort((a, b) => a.at - b.at);
  return {
    SyncState: encodeSyncState(mailbox, root, [mailbox.currentChange], HIERARCHY_STATE_PREFIX),
    IncludesLastFolderInRange: true,
    Changes: changes.map((change) => change.entry),
  };
}

function folderChange(folder: StoredFolder, since: number, shaped: () => t.ArrayOfFoldersTypeEntry): Change | undefined {
  if (folder.changeNumber <= since) return undefined;
  const createdAt = folder.createdAt ?? folder.changeNumber;
  const { $el, ...properties } = shaped();
  return { at: folder.changeNumber, entry: { $el: createdAt > since ? 'Create' : 'Update', [$el]: properties } as t.SyncFolderHierarchyChangesTypeEntry };
}
