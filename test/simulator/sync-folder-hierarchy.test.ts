/** SyncFolderHierarchy and DeleteFolder: Create, Update (a move) and Delete of folders below the root since a state. */
import type * as m from '../../generated/messages';
import { createFolder } from '../../src/simulator/operations/folders';
import { deleteFolder } from '../../src/simulator/operations/delete-folder';
import { syncFolderHierarchy } from '../../src/simulator/operations/sync-folder-hierarchy';
import { newWorld, only, target, type World } from './fixtures';

type HierarchyMessage = m.SyncFolderHierarchyResponseMessageType & { $el: 'SyncFolderHierarchyResponseMessage' };

function sync(world: World, SyncState?: string): HierarchyMessage {
  return syncFolderHierarchy(world.alice, { FolderShape: { BaseShape: 'Default' }, ...(SyncState ? { SyncState } : {}) }).ResponseMessages[0] as HierarchyMessage;
}

/** A new folder under a distinguished folder or under a folder id. */
function made(world: World, parent: 'inbox' | { id: string }, name: string): string {
  const ParentFolderId = typeof parent === 'string' ? target(parent) : { FolderId: { Id: parent.id } };
  const message = only<m.FolderInfoResponseMessageType & { $el: 'CreateFolderResponseMessage' }>(createFolder(world.alice, { ParentFolderId, Folders: [{ $el: 'Folder', DisplayName: name }] }));
  return message.Folders![0].FolderId!.Id;
}

const summary = (message: HierarchyMessage) => (message.Changes ?? []).map((change) =>
  change.$el === 'Delete' ? ['Delete', change.FolderId.Id] : [change.$el, (change.Folder ?? change.CalendarFolder ?? change.ContactsFolder ?? change.TasksFolder)!.DisplayName]);

describe('SyncFolderHierarchy', () => {
  test('the first sync creates every folder below the message folder root; a sync from its state reports nothing', () => {
    const world = newWorld();
    const first = sync(world);
    expect(first).toMatchObject({ ResponseClass: 'Success', IncludesLastFolderInRange: true });
    expect(summary(first).map(([kind]) => kind)).toEqual(Array(summary(first).length).fill('Create'));
    expect(summary(first).map(([, name]) => name)).toEqual(expect.arrayContaining(['Inbox', 'Calendar', 'Deleted Items']));
    expect(summary(first).map(([, name]) => name)).not.toContain('Top of Information Store');
    expect(summary(sync(world, first.SyncState))).toEqual([]);
  });

  test('reports a new folder, a folder moved to Deleted Items (Update) and a folder hard-deleted with its subfolder (Delete of both) and one soft-deleted, oldest first', () => {
    const world = newWorld();
    const moved = made(world, 'inbox', 'Projects');
    const removed = made(world, 'inbox', 'Old');
    const child = made(world, { id: removed }, 'Old drafts');
    const sibling = made(world, 'inbox', 'Scratch');
    const state = sync(world).SyncState!;
    made(world, 'inbox', 'Receipts');
    only(deleteFolder(world.alice, { DeleteType: 'MoveToDeletedItems', FolderIds: [{ $el: 'FolderId', Id: moved }] }));
    only(deleteFolder(world.alice, { DeleteType: 'HardDelete', FolderIds: [{ $el: 'FolderId', Id: removed }] }));
    only(deleteFolder(world.alice, { DeleteType: 'SoftDelete', FolderIds: [{ $el: 'FolderId', Id: sibling }] }));
    expect(summary(sync(world, state))).toEqual([['Create', 'Receipts'], ['Update', 'Projects'], ['Delete', child], ['Delete', removed], ['Delete', sibling]]);
  });

  test('a folder created and deleted between syncs is not reported; a distinguished folder cannot be deleted', () => {
    const world = newWorld();
    const state = sync(world).SyncState!;
    const transient = made(world, 'inbox', 'Transient');
    only(deleteFolder(world.alice, { DeleteType: 'HardDelete', FolderIds: [{ $el: 'FolderId', Id: transient }] }));
    expect(summary(sync(world, state))).toEqual([]);
    const refused = deleteFolder(world.alice, { DeleteType: 'HardDelete', FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] }).ResponseMessages[0];
    expect(refused).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorDeleteDistinguishedFolder' });
  });

  test('a state of SyncFolderItems is not a hierarchy state (ErrorInvalidSyncStateData)', () => {
    const world = newWorld();
    expect(sync(world, 'H4sIAAAAAAAAAytJLS4BAAzTAnUFAAAA')).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorInvalidSyncStateData' });
  });
});
