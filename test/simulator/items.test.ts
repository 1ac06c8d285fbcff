/**
 * Item kinds and operations that span folders: tasks and generic items on create and delete, and a
 * FindItem over several parent folders answering once per folder.
 */
import type * as m from '../../generated/messages';
import { createItem } from '../../src/simulator/operations/create-item';
import { deleteItem } from '../../src/simulator/operations/delete-item';
import { findItem } from '../../src/simulator/operations/find-item';
import { getItem } from '../../src/simulator/operations/get-item';
import { createdIds, folder, itemId, newWorld, only } from './fixtures';

describe('item kinds', () => {
  test('a task gets its status defaults and the IPM.Task class in Tasks', () => {
    const world = newWorld();
    const [task] = createdIds(createItem(world.alice, { Items: [{ $el: 'Task', Subject: 'File taxes', DueDate: '2024-04-15' + 'T00:00:00' }] }));
    const got = only<m.ItemInfoResponseMessageType & { $el: 'GetItemResponseMessage' }>(getItem(world.alice, { ItemShape: { BaseShape: 'AllProperties' }, ItemIds: [itemId(task)] }));
    expect(got.Items[0]).toMatchObject({ $el: 'Task', ItemClass: 'IPM.Task', Status: 'NotStarted', PercentComplete: 0, IsComplete: false, DueDate: '2024-04-15T00:00:00Z' });
    expect(task.ChangeKey).toMatch(/^EwAAABYA/);
  });

  test('deleting a task needs AffectedTaskOccurrences, as Exchange requires', () => {
    const world = newWorld();
    const [task] = createdIds(createItem(world.alice, { Items: [{ $el: 'Task', Subject: 'Chore' }] }));
    expect(deleteItem(world.alice, { DeleteType: 'HardDelete', ItemIds: [itemId(task)] }).ResponseMessages[0]).toMatchObject({ ResponseCode: 'ErrorAffectedTaskOccurrencesRequired' });
    expect(deleteItem(world.alice, { DeleteType: 'HardDelete', AffectedTaskOccurrences: 'AllOccurrences', ItemIds: [itemId(task)] }).ResponseMessages[0].ResponseCode).toBe('NoError');
  });

  test('a generic Item keeps the class it was given; response objects are refused per item', () => {
    const world = newWorld();
    const response = createItem(world.alice, { Items: [{ $el: 'Item', Subject: 'Note', ItemClass: 'IPM.StickyNote' }, { $el: 'ReplyToItem', Subject: 'Re:' }] });
    expect(response.ResponseMessages.map((entry) => entry.ResponseCode)).toEqual(['NoError', 'ErrorInvalidItemForOperationCreateItem']);
    const drafts = world.alice.mailbox.itemsIn(world.alice.mailbox.distinguishedFolder('drafts')!.key);
    expect(drafts.map((item) => [item.element, item.data.ItemClass])).toEqual([['Item', 'IPM.StickyNote']]);
  });

  test('FindItem over several folders answers once per folder, in order', () => {
    const world = newWorld();
    createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'Draft' }] });
    const response = findItem(world.alice, { Traversal: 'Shallow', ItemShape: { BaseShape: 'Default' }, ParentFolderIds: [folder('drafts'), folder('inbox'), { $el: 'FolderId', Id: 'bogus' }] });
    expect(response.ResponseMessages.map((entry) => [entry.ResponseCode, (entry as m.FindItemResponseMessageType).RootFolder?.TotalItemsInView])).toEqual([
      ['NoError', 1], ['NoError', 0], ['ErrorInvalidIdMalformed', undefined],
    ]);
  });
});
