/** syncFolders against the simulator over HTTP: typed folder changes, committed through the store. */
import { MemorySyncStateStore, syncFolders, type SyncFolderChange } from '../../src/sync';
import { withSimulator } from './support';

describe('syncFolders', () => {
  test('the first sync creates the hierarchy as typed entries; the next run reports a new folder and a deleted one', async () => {
    await withSimulator(async (world) => {
      const store = new MemorySyncStateStore();
      const options = { store, mailbox: 'alice@contoso.com' };
      const first: SyncFolderChange[] = [];
      for await (const page of syncFolders(world.client, options)) first.push(...page.changes);
      const calendar = first.find((change) => change.kind === 'create' && change.folder.DisplayName === 'Calendar');
      expect(calendar).toMatchObject({ kind: 'create', folder: { $el: 'CalendarFolder' } });

      const created = await world.client.call('CreateFolder', { ParentFolderId: { DistinguishedFolderId: { Id: 'inbox' } }, Folders: [{ $el: 'Folder', DisplayName: 'Receipts' }] });
      const receipts = (created.responseMessages[0].payload as { Folders: { FolderId: { Id: string } }[] }).Folders[0].FolderId.Id;
      const doomed = await world.client.call('CreateFolder', { ParentFolderId: { DistinguishedFolderId: { Id: 'inbox' } }, Folders: [{ $el: 'Folder', DisplayName: 'Doomed' }] });
      const doomedId = (doomed.responseMessages[0].payload as { Folders: { FolderId: { Id: string } }[] }).Folders[0].FolderId.Id;
      const between: SyncFolderChange[] = [];
      for await (const page of syncFolders(world.client, options)) between.push(...page.changes);
      expect(between.map((change) => [change.kind, 'folder' in change ? change.folder.DisplayName : undefined])).toEqual([['create', 'Receipts'], ['create', 'Doomed']]);

      const deleted = await world.client.call('DeleteFolder', { DeleteType: 'HardDelete', FolderIds: [{ $el: 'FolderId', Id: doomedId }] });
      expect(deleted.responseMessages[0].responseClass).toBe('Success');
      const next: SyncFolderChange[] = [];
      for await (const page of syncFolders(world.client, options)) next.push(...page.changes);
      expect(next).toEqual([{ kind: 'delete', folderId: { Id: doomedId } }]);
      expect(receipts).not.toBe(doomedId);
    });
  });
});
