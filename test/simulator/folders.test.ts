/**
 * GetFolder, FindFolder and CreateFolder over the distinguished folder tree; FindItem traversals.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { createItem } from '../../src/simulator/operations/create-item';
import { deleteItem } from '../../src/simulator/operations/delete-item';
import { findFolder } from '../../src/simulator/operations/find-folder';
import { findItem } from '../../src/simulator/operations/find-item';
import { createFolder, getFolder } from '../../src/simulator/operations/folders';
import { encodeFolderId } from '../../src/simulator/store/ids';
import { createdIds, folder, itemId, mailboxOf, newWorld, only, type World } from './fixtures';

type FolderMessage = m.FolderInfoResponseMessageType & { $el: string };
type FindFolderMessage = m.FindFolderResponseMessageType & { $el: 'FindFolderResponseMessage' };

function find(world: World, Traversal: t.FolderQueryTraversalType, parent: t.DistinguishedFolderIdNameType, extra: Partial<m.FindFolderType> = {}): t.FindFolderParentType {
  return only<FindFolderMessage>(findFolder(world.alice, { Traversal, FolderShape: { BaseShape: 'Default' }, ParentFolderIds: [folder(parent)], ...extra })).RootFolder!;
}

describe('folders', () => {
  test('GetFolder Default shows name and counts; the Inbox counts its unread items', () => {
    const world = newWorld();
    createItem(world.bob, { MessageDisposition: 'SendOnly', Items: [1, 2].map((n) => ({ $el: 'Message' as const, Subject: `n${n}`, ToRecipients: [mailboxOf('alice@contoso.com')] })) });
    const response = getFolder(world.alice, { FolderShape: { BaseShape: 'Default' }, FolderIds: [folder('inbox'), folder('calendar')] });
    const [inbox, calendar] = response.ResponseMessages.map((entry) => (entry as FolderMessage).Folders![0]);
    expect(inbox).toMatchObject({ $el: 'Folder', DisplayName: 'Inbox', TotalCount: 2, ChildFolderCount: 0, UnreadCount: 2 });
    expect(calendar).toMatchObject({ $el: 'CalendarFolder', DisplayName: 'Calendar', TotalCount: 0 });
    expect(calendar).not.toHaveProperty('UnreadCount');
    expect(inbox.FolderId!.Id).toMatch(/^AAMkA/);
  });

  test('GetFolder AllProperties adds class, parent and distinguished name; another mailbox\'s folder by its address', () => {
    const world = newWorld();
    const response = getFolder(world.alice, { FolderShape: { BaseShape: 'AllProperties' }, FolderIds: [folder('tasks'), { $el: 'DistinguishedFolderId', Id: 'inbox', Mailbox: mailboxOf('Bob@Contoso.com') }] });
    const [tasks, bobInbox] = response.ResponseMessages.map((entry) => (entry as FolderMessage).Folders![0]);
    const msgFolderRoot = world.alice.mailbox.distinguishedFolder('msgfolderroot')!;
    expect(tasks).toMatchObject({ $el: 'TasksFolder', FolderClass: 'IPF.Task', DistinguishedFolderId: 'tasks', ParentFolderId: world.alice.mailbox.folderId(msgFolderRoot) });
    expect(bobInbox.FolderId).toEqual(world.bob.mailbox.folderId(world.bob.mailbox.distinguishedFolder('inbox')!));
  });

  test('an unknown folder id is ErrorFolderNotFound; a malformed one, or an item id, is ErrorInvalidIdMalformed', () => {
    const world = newWorld();
    const guid = world.alice.mailbox.identity.guid;
    const [draft] = createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'x' }] }));
    const ids = [encodeFolderId({ mailboxGuid: guid, folderKey: 9999 }), encodeFolderId({ mailboxGuid: guid.replace(/^./, '0'), folderKey: 1 }), '%%%', draft.Id];
    const response = getFolder(world.alice, { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: ids.map((Id) => ({ $el: 'FolderId' as const, Id })) });
    expect(response.ResponseMessages.map((entry) => entry.ResponseCode)).toEqual(['ErrorFolderNotFound', 'ErrorFolderNotFound', 'ErrorInvalidIdMalformed', 'ErrorInvalidIdMalformed']);
    expect(response.ResponseMessages[0]).toMatchObject({ MessageText: 'The specified folder could not be found in the store.', Folders: [] });
  });

  test('CreateFolder adds folders under a parent, refusing a duplicate name among siblings', () => {
    const world = newWorld();
    const response = createFolder(world.alice, { ParentFolderId: { DistinguishedFolderId: { Id: 'inbox' } }, Folders: [
      { $el: 'Folder', DisplayName: 'Projects' }, { $el: 'CalendarFolder', DisplayName: 'Holidays' }, { $el: 'Folder', DisplayName: 'PROJECTS' },
    ] });
    expect(response.ResponseMessages.map((entry) => entry.ResponseCode)).toEqual(['NoError', 'NoError', 'ErrorFolderExists']);
    const created = (response.ResponseMessages[1] as FolderMessage).Folders![0];
    expect(created.$el).toBe('CalendarFolder');
    const fetched = getFolder(world.alice, { FolderShape: { BaseShape: 'AllProperties' }, FolderIds: [{ $el: 'FolderId', ...created.FolderId! }] });
    expect((fetched.ResponseMessages[0] as FolderMessage).Folders![0]).toMatchObject({ DisplayName: 'Holidays', FolderClass: 'IPF.Appointment' });
  });

  test('FindFolder Shallow lists the children, Deep the whole subtree in hierarchy order', () => {
    const world = newWorld();
    const [projects] = (createFolder(world.alice, { ParentFolderId: { DistinguishedFolderId: { Id: 'inbox' } }, Folders: [{ $el: 'Folder', DisplayName: 'Projects' }] }).ResponseMessages[0] as FolderMessage).Folders!;
    createFolder(world.alice, { ParentFolderId: { FolderId: projects.FolderId }, Folders: [{ $el: 'Folder', DisplayName: 'Alpha' }] });
    const shallow = find(world, 'Shallow', 'msgfolderroot');
    expect(shallow.Folders!.map((f) => f.DisplayName)).toEqual(['Inbox', 'Calendar', 'Contacts', 'Tasks', 'Drafts', 'Sent Items', 'Deleted Items', 'Outbox', 'Junk Email', 'Notes', 'Journal', 'Conversation History']);
    expect(shallow).toMatchObject({ TotalItemsInView: 12, IncludesLastItemInRange: true });
    expect(find(world, 'Deep', 'msgfolderroot').Folders!.slice(0, 4).map((f) => f.DisplayName)).toEqual(['Inbox', 'Projects', 'Alpha', 'Calendar']);
    expect(find(world, 'Shallow', 'root').Folders!.map((f) => f.DisplayName)).toEqual(['Top of Information Store', 'Finder']);
  });

  test('FindFolder filters with a restriction and pages', () => {
    const world = newWorld();
    const restricted = find(world, 'Shallow', 'msgfolderroot', { Restriction: { Contains: { FieldURI: { FieldURI: 'folder:DisplayName' }, Constant: { Value: 'it' }, ContainmentMode: 'Substring', ContainmentComparison: 'IgnoreCase' } } });
    expect(restricted.Folders!.map((f) => f.DisplayName)).toEqual(['Sent Items', 'Deleted Items']);
    const page = find(world, 'Shallow', 'msgfolderroot', { IndexedPageFolderView: { MaxEntriesReturned: 5, Offset: 10, BasePoint: 'Beginning' } });
    expect(page).toMatchObject({ IndexedPagingOffset: 12, TotalItemsInView: 12, IncludesLastItemInRange: true });
    expect(page.Folders!.map((f) => f.DisplayName)).toEqual(['Journal', 'Conversation History']);
  });
});

describe('FindItem traversals', () => {
  test('SoftDelete hides an item from Shallow and shows it to a SoftDeleted traversal of its folder; MoveToDeletedItems moves it', () => {
    const world = newWorld();
    const [soft, moved] = createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'Soft' }, { $el: 'Message', Subject: 'Moved' }] }));
    deleteItem(world.alice, { DeleteType: 'SoftDelete', ItemIds: [itemId(soft)] });
    deleteItem(world.alice, { DeleteType: 'MoveToDeletedItems', ItemIds: [itemId(moved)] });
    const list = (Traversal: t.ItemQueryTraversalType, where: t.DistinguishedFolderIdNameType) => only<m.FindItemResponseMessageType & { $el: 'FindItemResponseMessage' }>(
      findItem(world.alice, { Traversal, ItemShape: { BaseShape: 'Default' }, ParentFolderIds: [folder(where)] })).RootFolder!.Items!.map((item) => item.Subject);
    expect(list('Shallow', 'drafts')).toEqual([]);
    expect(list('SoftDeleted', 'drafts')).toEqual(['Soft']);
    expect(list('Shallow', 'deleteditems')).toEqual(['Moved']);
  });

  test('Associated lists only folder-associated items, Shallow only the others', () => {
    const world = newWorld();
    createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'Normal' }, { $el: 'Message', Subject: 'Settings', IsAssociated: true }] });
    const list = (Traversal: t.ItemQueryTraversalType) => only<m.FindItemResponseMessageType & { $el: 'FindItemResponseMessage' }>(
      findItem(world.alice, { Traversal, ItemShape: { BaseShape: 'Default' }, ParentFolderIds: [folder('drafts')] })).RootFolder!.Items!.map((item) => item.Subject);
    expect(list('Associated')).toEqual(['Settings']);
    expect(list('Shallow')).toEqual(['Normal']);
  });
});
