/**
 * SyncFolderItems across changes: a first full sync, then Create / Update / ReadFlagChange / Delete
 * since the returned SyncState, MaxChangesReturned batching, Ignore, and invalid sync states.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { createItem } from '../../src/simulator/operations/create-item';
import { deleteItem } from '../../src/simulator/operations/delete-item';
import { moveItem } from '../../src/simulator/operations/move-copy-item';
import { syncFolderItems } from '../../src/simulator/operations/sync-folder-items';
import { updateItem } from '../../src/simulator/operations/update-item';
import { createdIds, fieldUri, itemId, newWorld, target, type World } from './fixtures';

type SyncMessage = m.SyncFolderItemsResponseMessageType & { $el: 'SyncFolderItemsResponseMessage' };

function sync(world: World, SyncState?: string, MaxChangesReturned = 100, Ignore?: t.ItemIdType[]): SyncMessage {
  return syncFolderItems(world.alice, {
    ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('item:Subject')] },
    SyncFolderId: target('drafts'), MaxChangesReturned, ...(SyncState ? { SyncState } : {}), ...(Ignore ? { Ignore } : {}),
  }).ResponseMessages[0] as SyncMessage;
}

function drafts(world: World, ...subjects: string[]): t.ItemIdType[] {
  return createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: subjects.map((Subject) => ({ $el: 'Message', Subject })) }));
}

/** Each change as [kind, subject or id marker, IsRead for read-flag changes]. */
function changes(message: SyncMessage, ids: t.ItemIdType[] = []): (string | boolean | undefined)[][] {
  return (message.Changes ?? []).map((change) => {
    if (change.$el === 'Create' || change.$el === 'Update') return [change.$el, change.Message!.Subject];
    const index = ids.findIndex((id) => id.Id === change.ItemId.Id);
    return change.$el === 'ReadFlagChange' ? [change.$el, `#${index}`, change.IsRead] : [change.$el, `#${index}`];
  });
}

const set = (id: t.ItemIdType, update: t.NonEmptyArrayOfItemChangeDescriptionsTypeEntry): m.UpdateItemType => ({
  ConflictResolution: 'AlwaysOverwrite', MessageDisposition: 'SaveOnly', ItemChanges: [{ ItemId: id, Updates: [update] }],
});

describe('SyncFolderItems', () => {
  test('the first sync creates every item and returns an opaque state; a sync from it reports nothing new', () => {
    const world = newWorld();
    drafts(world, 'One', 'Two');
    const first = sync(world);
    expect(first).toMatchObject({ ResponseClass: 'Success', IncludesLastItemInRange: true });
    expect(changes(first)).toEqual([['Create', 'One'], ['Create', 'Two']]);
    expect(first.SyncState).toMatch(/^H4sI/);
    expect(changes(sync(world, first.SyncState))).toEqual([]);
  });

  test('reports Create, Update, ReadFlagChange and Delete since the state, oldest first', () => {
    const world = newWorld();
    const ids = drafts(world, 'One', 'Two', 'Three');
    const state = sync(world).SyncState!;
    drafts(world, 'Four');
    updateItem(world.alice, set(ids[0], { $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject: 'One (edited)' } }));
    updateItem(world.alice, set(ids[1], { $el: 'SetItemField', FieldURI: { FieldURI: 'message:IsRead' }, Message: { IsRead: false } }));
    deleteItem(world.alice, { DeleteType: 'HardDelete', ItemIds: [itemId(ids[2])] });
    const next = sync(world, state);
    expect(changes(next, ids)).toEqual([['Create', 'Four'], ['Update', 'One (edited)'], ['ReadFlagChange', '#1', false], ['Delete', '#2']]);
    expect(changes(sync(world, next.SyncState))).toEqual([]);
  });

  test('an item moved out is a Delete here; one created and deleted between syncs is not reported', () => {
    const world = newWorld();
    const [kept] = drafts(world, 'Kept');
    const state = sync(world).SyncState!;
    const [transient] = drafts(world, 'Transient');
    deleteItem(world.alice, { DeleteType: 'HardDelete', ItemIds: [itemId(transient)] });
    moveItem(world.alice, { ToFolderId: target('inbox'), ItemIds: [itemId(kept)] });
    expect(changes(sync(world, state), [kept])).toEqual([['Delete', '#0']]);
  });

  test('MaxChangesReturned batches the changes; each state continues where the last batch ended', () => {
    const world = newWorld();
    drafts(world, 'A', 'B', 'C', 'D', 'E');
    const batches: string[][] = [];
    let state: string | undefined;
    for (let round = 0; round < 4; round++) {
      const message = sync(world, state, 2);
      batches.push(changes(message).map(([, subject]) => String(subject)));
      state = message.SyncState;
      if (message.IncludesLastItemInRange) break;
    }
    expect(batches).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
  });

  test('ignored items are left out', () => {
    const world = newWorld();
    const ids = drafts(world, 'Seen', 'Ignored');
    expect(changes(sync(world, undefined, 100, [ids[1]]))).toEqual([['Create', 'Seen']]);
  });

  test('a sync state that is not the simulator\'s, or is for another folder, is ErrorInvalidSyncStateData', () => {
    const world = newWorld();
    const inboxState = (syncFolderItems(world.alice, { ItemShape: { BaseShape: 'IdOnly' }, SyncFolderId: target('inbox'), MaxChangesReturned: 10 }).ResponseMessages[0] as SyncMessage).SyncState!;
    for (const bad of ['not a state', inboxState]) {
      expect(sync(world, bad)).toEqual({
        $el: 'SyncFolderItemsResponseMessage', ResponseClass: 'Error', ResponseCode: 'ErrorInvalidSyncStateData',
        MessageText: 'Synchronization state data is corrupt or otherwise invalid.', DescriptiveLinkKey: 0, SyncState: '', IncludesLastItemInRange: true,
      });
    }
  });
});

describe('SyncFolderItems across the pages of one run', () => {
  test('an item created and edited since the state is one Create with its current properties, on whichever page it lands', () => {
    const world = newWorld();
    const [early] = drafts(world, 'Early');
    const state = sync(world).SyncState!;
    drafts(world, 'A', 'B');
    updateItem(world.alice, set(early, { $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject: 'Early (edited)' } }));
    const [late] = drafts(world, 'Late');
    updateItem(world.alice, set(late, { $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject: 'Late (edited)' } }));
    const first = sync(world, state, 2);
    const second = sync(world, first.SyncState, 2);
    expect([...changes(first), ...changes(second)]).toEqual([['Create', 'A'], ['Create', 'B'], ['Update', 'Early (edited)'], ['Create', 'Late (edited)']]);
    expect(second.IncludesLastItemInRange).toBe(true);
  });

  test('an item reported on an earlier page and deleted before the next is a Delete; one deleted before the run began is not', () => {
    const world = newWorld();
    const state = sync(world).SyncState!;
    const ids = drafts(world, 'One', 'Two', 'Three');
    const [gone] = drafts(world, 'Gone before the run');
    deleteItem(world.alice, { DeleteType: 'HardDelete', ItemIds: [itemId(gone)] });
    const first = sync(world, state, 2);
    expect(changes(first)).toEqual([['Create', 'One'], ['Create', 'Two']]);
    deleteItem(world.alice, { DeleteType: 'HardDelete', ItemIds: [itemId(ids[0])] });
    const second = sync(world, first.SyncState, 2);
    expect(changes(second, ids)).toEqual([['Create', 'Three'], ['Delete', '#0']]);
    expect(changes(sync(world, second.SyncState))).toEqual([]);
  });
});
