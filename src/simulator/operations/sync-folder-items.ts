/**
 * SyncFolderItems: the changes to a folder's items since a SyncState, oldest first — Create for items
 * that entered the folder, Update for changed ones, ReadFlagChange when only the read flag changed,
 * Delete for items that left — at most MaxChangesReturned at a time, one change per item placed at its
 * latest change. The SyncState is an opaque, gzipped token (like Exchange's `H4sI...`) naming the folder,
 * the change the client was complete at when this run of pages began (`base`: what it knew before), and the
 * change its pages have reached. The kind of a change is decided against `base`, so an item that entered
 * after it is a Create on whichever page it lands, even when it was edited since. (An item changed again
 * while a client is between pages of one run is reported again on a later page, as a fresh Create or Update.)
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

/**
 * Where a client's sync stands: complete at `base`; the run of pages since then began when the mailbox
 * was at change `started` and covers changes up to `reached`. A complete state has base = reached.
 */
interface SyncPosition {
  readonly base: number;
  readonly started: number;
  readonly reached: number;
}

export const syncFolderItems: OperationHandler<'SyncFolderItems'> = (context, request) => ({
  ResponseMessages: [respond('SyncFolderItemsResponseMessage', { SyncState: '', IncludesLastItemInRange: true }, () => synchronise(context, request))],
});

function synchronise(context: OperationContext, request: m.SyncFolderItemsType): ResponsePayload<'SyncFolderItemsResponseMessage'> {
  const { mailbox, folder } = resolveFolder(context, request.SyncFolderId);
  const saved = request.SyncState ? decodeSyncPosition(request.SyncState, mailbox, folder) : { base: 0, started: 0, reached: 0 };
  const position = saved.reached === saved.base ? { ...saved, started: mailbox.currentChange } : saved; // a new run of pages
  const ignored = new Set((request.Ignore ?? []).map((id) => decodeItemId(id.Id).itemKey));
  const withAssociated = (request as WithNewer<typeof request, 'SyncScope'>).SyncScope === 'NormalAndAssociatedItems';
  const changes: Change[] = [];
  for (const item of mailbox.itemsIn(folder.key)) {
    if (ignored.has(item.key) || (item.data.IsAssociated === true && !withAssociated)) continue;
    const change = itemChange(mailbox, item, position, request.ItemShape);
    if (change) changes.push(change);
  }
  for (const tombstone of folder.tombstones) {
    // Reported when the client knew the item: from before this run, or from an earlier page of it (so it left during the run).
    const known = tombstone.enteredAt <= position.base || (tombstone.leftAt > position.started && (tombstone.lastChange ?? tombstone.enteredAt) <= position.reached);
    if (tombstone.leftAt > position.reached && known) changes.push({ at: tombstone.leftAt, entry: { $el: 'Delete', ItemId: { Id: tombstone.itemId } } });
  }
  changes.sort((a, b) => a.at - b.at);
  const returned = changes.slice(0, request.MaxChangesReturned);
  const complete = returned.length === changes.length;
  const next = complete ? { base: mailbox.currentChange, started: mailbox.currentChange, reached: mailbox.currentChange } : { ...position, reached: returned[returned.length - 1].at };
  return { SyncState: encodeSyncPosition(mailbox, folder, next), IncludesLastItemInRange: complete, Changes: returned.map((change) => change.entry) };
}

function itemChange(mailbox: Mailbox, item: StoredItem, position: SyncPosition, shape: t.ItemResponseShapeType): Change | undefined {
  const at = Math.max(item.enteredAt, item.contentChangedAt, item.readChangedAt);
  if (at <= position.reached) return undefined;
  const shaped = () => ({ [item.element]: shapeItem(item.element, item.data, shape, { listing: true }) });
  if (item.enteredAt > position.base) return { at, entry: { $el: 'Create', ...shaped() } };
  if (item.contentChangedAt > position.base) return { at, entry: { $el: 'Update', ...shaped() } };
  return { at, entry: { $el: 'ReadFlagChange', ItemId: mailbox.itemId(item), IsRead: item.data.IsRead === true } };
}

const SYNC_STATE_PREFIX = 'typed-ews-sync/2';

function encodeSyncPosition(mailbox: Mailbox, folder: StoredFolder, position: SyncPosition): string {
  return encodeSyncState(mailbox, folder, [position.base, position.started, position.reached], SYNC_STATE_PREFIX);
}

function decodeSyncPosition(token: string, mailbox: Mailbox, folder: StoredFolder): SyncPosition {
  const [base, started, reached] = decodeSyncState(token, mailbox, folder, SYNC_STATE_PREFIX, 3);
  if (base > reached || base > started || started > mailbox.currentChange) throw new ResponseError('ErrorInvalidSyncStateData');
  return { base, started, reached };
}

/** An opaque state for one folder of one mailbox carrying change numbers (SyncFolderItems and SyncFolderHierarchy). */
export function encodeSyncState(mailbox: Mailbox, folder: StoredFolder, changes: readonly number[], prefix: string): string {
  return gzipSync(`${prefix}:${mailbox.identity.guid}:${folder.key}:${changes.join(':')}`).toString('base64');
}

/** The change numbers of a state; a token that is not ours, of another kind, or for another folder, is invalid. */
export function decodeSyncState(token: string, mailbox: Mailbox, folder: StoredFolder, prefix: string, count: number): number[] {
  let parts: string[];
  try {
    parts = gunzipSync(Buffer.from(token, 'base64')).toString('utf8').split(':');
  } catch {
    throw new ResponseError('ErrorInvalidSyncStateData');
  }
  const [sentPrefix, guid, folderKey, ...changes] = parts;
  if (sentPrefix !== prefix || guid !== mailbox.identity.guid || Number(folderKey) !== folder.key
    || changes.length !== count || !changes.every((change) => /^\d+$/.test(change))) {
    throw new ResponseError('ErrorInvalidSyncStateData');
  }
  return changes.map(Number);
}
