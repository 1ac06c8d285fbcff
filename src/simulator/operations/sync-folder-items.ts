/**
 * SyncFolderItems: the changes to a folder's items since a SyncState, oldest first — Create for items
 * that entered the folder, Update for changed ones, ReadFlagChange when only the read flag changed,
 * Delete for items that left — at most MaxChangesReturned at a time. The SyncState is an opaque,
 * gzipped token (like Exchange's `H4sI...`) naming the folder and the last change the client has seen.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type * as m from '../../../generated/messages';
import type * as t from '../../../generated/types';
import { decodeItemId } from '../store/ids';
import type { Mailbox } from '../store/mailbox';
import type { StoredFolder, StoredItem } from '../store/records';
import type { OperationContext, OperationHandler } from './context';
import type { WithNewer } from '../../schema/release-types';
import { ResponseError } from './errors';
import { resolveFolder } from './id-resolution';
import { shapeItem } from './item-shape';
import { respond, type ResponsePayload } from './response-messages';

type Change = { readonly at: number; readonly entry: t.SyncFolderItemsChangesTypeEntry };

export const syncFolderItems: OperationHandler<'SyncFolderItems'> = (context, request) => ({
  ResponseMessages: [respond('SyncFolderItemsResponseMessage', { SyncState: '', IncludesLastItemInRange: true }, () => synchronise(context, request))],
});

function synchronise(context: OperationContext, request: m.SyncFolderItemsType): ResponsePayload<'SyncFolderItemsResponseMessage'> {
  const { mailbox, folder } = resolveFolder(context, request.SyncFolderId);
  const since = request.SyncState ? decodeSyncState(request.SyncState, mailbox, folder) : 0;
  const ignored = new Set((request.Ignore ?? []).map((id) => decodeItemId(id.Id).itemKey));
  const withAssociated = (request as WithNewer<typeof request, 'SyncScope'>).SyncScope === 'NormalAndAssociatedItems';
  const changes: Change[] = [];
  for (const item of mailbox.itemsIn(folder.key)) {
    if (ignored.has(item.key) || (item.data.IsAssociated === true && !withAssociated)) continue;
    const change = itemChange(mailbox, item, since, request.ItemShape);
    if (change) changes.push(change);
  }
  for (const tombstone of folder.tombstones) {
    if (tombstone.leftAt > since && tombstone.enteredAt <= since) changes.push({ at: tombstone.leftAt, entry: { $el: 'Delete', ItemId: { Id: tombstone.itemId } } });
  }
  changes.sort((a, b) => a.at - b.at);
  const returned = changes.slice(0, request.MaxChangesReturned);
  const complete = returned.length === changes.length;
  const reached = complete ? mailbox.currentChange : returned[returned.length - 1].at;
  return { SyncState: encodeSyncState(mailbox, folder, reached), IncludesLastItemInRange: complete, Changes: returned.map((change) => change.entry) };
}

function itemChange(mailbox: Mailbox, item: StoredItem, since: number, shape: t.ItemResponseShapeType): Change | undefined {
  const shaped = () => ({ [item.element]: shapeItem(item.element, item.data, shape, { listing: true }) });
  if (item.enteredAt > since) return { at: item.enteredAt, entry: { $el: 'Create', ...shaped() } };
  if (item.contentChangedAt > since) return { at: item.contentChangedAt, entry: { $el: 'Update', ...shaped() } };
  if (item.readChangedAt > since) return { at: item.readChangedAt, entry: { $el: 'ReadFlagChange', ItemId: mailbox.itemId(item), IsRead: item.data.IsRead === true } };
  return undefined;
}

const SYNC_STATE_PREFIX = 'typed-ews-sync/1';

function encodeSyncState(mailbox: Mailbox, folder: StoredFolder, change: number): string {
  return gzipSync(`${SYNC_STATE_PREFIX}:${mailbox.identity.guid}:${folder.key}:${change}`).toString('base64');
}

/** The last change a SyncState has seen; a token that is not ours, or for another folder, is invalid. */
function decodeSyncState(token: string, mailbox: Mailbox, folder: StoredFolder): number {
  let parts: string[];
  try {
    parts = gunzipSync(Buffer.from(token, 'base64')).toString('utf8').split(':');
  } catch {
    throw new ResponseError('ErrorInvalidSyncStateData');
  }
  const [prefix, guid, folderKey, change] = parts;
  if (prefix !== SYNC_STATE_PREFIX || guid !== mailbox.identity.guid || Number(folderKey) !== folder.key || !/^\d+$/.test(change ?? '')) {
    throw new ResponseError('ErrorInvalidSyncStateData');
  }
  return Number(change);
}
