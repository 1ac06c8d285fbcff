/**
 * syncItems against the simulator over HTTP: an incremental sync after 1,000 seeded random changes reports
 * exactly those changes; pages are committed only when acknowledged, so a consumer that stops resumes at the
 * first unacknowledged page; a refused SyncState restarts the folder with an event.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as t from '../../generated/types';
import { createItem } from '../../src/simulator/operations/create-item';
import { deleteItem } from '../../src/simulator/operations/delete-item';
import { moveItem } from '../../src/simulator/operations/move-copy-item';
import { updateItem } from '../../src/simulator/operations/update-item';
import { FileSyncStateStore, MemorySyncStateStore, syncItems, type SyncItemChange, type SyncRestart } from '../../src/sync';
import { seededRandom, withSimulator, type SyncWorld } from './support';

const SHAPE = { BaseShape: 'IdOnly', AdditionalProperties: ['item:Subject', 'message:IsRead'] } as const;
const MAILBOX = 'alice@contoso.com';

function create(world: SyncWorld, folder: t.DistinguishedFolderIdNameType, subjects: string[]): number[] {
  const response = createItem(world.alice, {
    MessageDisposition: 'SaveOnly', SavedItemFolderId: { DistinguishedFolderId: { Id: folder } },
    Items: subjects.map((Subject) => ({ $el: 'Message', Subject, IsRead: false })),
  });
  return response.ResponseMessages.map((entry) => {
    if (entry.$el !== 'CreateItemResponseMessage' || entry.ResponseClass !== 'Success') throw new Error(`create failed: ${entry.ResponseCode}`);
    return keyOf(world, entry.Items[0].ItemId!.Id);
  });
}

/** The store key of an item, found by its id. */
function keyOf(world: SyncWorld, id: string): number {
  for (const folder of ['inbox', 'drafts'] as const) {
    const found = world.mailbox.itemsIn(world.mailbox.distinguishedFolder(folder)!.key).find((item) => item.data.ItemId!.Id === id);
    if (found) return found.key;
  }
  throw new Error(`no item ${id}`);
}

const idOf = (world: SyncWorld, key: number): t.ItemIdType => world.mailbox.item(key)!.data.ItemId!;
const itemIdEntry = (id: t.ItemIdType) => ({ $el: 'ItemId' as const, Id: id.Id });

/** Every response message of a change made "by someone else" succeeded. */
function succeeded(response: { ResponseMessages: { ResponseClass: string; ResponseCode?: string }[] }): void {
  for (const message of response.ResponseMessages) if (message.ResponseClass !== 'Success') throw new Error(`change failed: ${message.ResponseCode}`);
}

function setField(world: SyncWorld, key: number, field: 'item:Subject' | 'message:IsRead', Message: t.MessageType): void {
  succeeded(updateItem(world.alice, {
    ConflictResolution: 'AlwaysOverwrite', MessageDisposition: 'SaveOnly',
    ItemChanges: [{ ItemId: itemIdEntry(idOf(world, key)), Updates: [{ $el: 'SetItemField', FieldURI: { FieldURI: field }, Message }] }],
  }));
}

/** A replica of a folder built from sync changes: id → subject and read flag. */
type Replica = Map<string, { subject?: string; isRead?: boolean }>;

function apply(replica: Replica, change: SyncItemChange): void {
  switch (change.kind) {
    case 'create':
    case 'update': {
      const item = change.item as { ItemId?: t.ItemIdType; Subject?: string; IsRead?: boolean };
      replica.set(item.ItemId!.Id, { subject: item.Subject, isRead: item.IsRead });
      break;
    }
    case 'delete': replica.delete(change.itemId.Id); break;
    case 'readFlag': replica.get(change.itemId.Id)!.isRead = change.isRead; break;
  }
}

function storeView(world: SyncWorld, folder: t.DistinguishedFolderIdNameType): Replica {
  return new Map(world.mailbox.itemsIn(world.mailbox.distinguishedFolder(folder)!.key)
    .map((item) => [item.data.ItemId!.Id, { subject: item.data.Subject, isRead: item.data.IsRead }]));
}

const changeId = (change: SyncItemChange): string => ('item' in change ? change.item.ItemId!.Id : change.itemId.Id);

describe('syncItems', () => {
  test('after 1,000 seeded random creates, updates, read-flag changes, deletes and moves, the incremental sync reports exactly those changes', async () => {
    await withSimulator(async (world) => {
      const inboxKeys = new Set(create(world, 'inbox', Array.from({ length: 150 }, (_, i) => `base ${i}`)));
      const draftKeys = new Set(create(world, 'drafts', Array.from({ length: 50 }, (_, i) => `draft ${i}`)));
      const store = new MemorySyncStateStore();
      const replica: Replica = new Map();
      for await (const page of syncItems(world.client, 'inbox', { store, mailbox: MAILBOX, pageSize: 64, propertySet: SHAPE })) page.changes.forEach((c) => apply(replica, c));
      expect(replica).toEqual(storeView(world, 'inbox'));

      // What each inbox item went through since the sync, keyed by store key.
      const baseline = new Map([...inboxKeys].map((key) => [key, idOf(world, key).Id]));
      const history = new Map<number, { left: boolean; content: boolean; read: boolean }>();
      const touched = (key: number) => history.get(key) ?? history.set(key, { left: false, content: false, read: false }).get(key)!;
      const random = seededRandom(16);
      const pick = (keys: Set<number>) => [...keys][Math.floor(random() * keys.size)];
      let created = 0;
      for (let step = 0; step < 1000; step++) {
        const roll = random();
        if (roll < 0.2 || inboxKeys.size < 10) {
          const [key] = create(world, 'inbox', [`new ${created++}`]);
          inboxKeys.add(key);
        } else if (roll < 0.4) {
          const key = pick(inboxKeys);
          setField(world, key, 'item:Subject', { Subject: `edited ${step}` });
          touched(key).content = true;
        } else if (roll < 0.6) {
          const key = pick(inboxKeys);
          setField(world, key, 'message:IsRead', { IsRead: !world.mailbox.item(key)!.data.IsRead });
          touched(key).read = true;
        } else if (roll < 0.7) {
          const key = pick(inboxKeys);
          succeeded(deleteItem(world.alice, { DeleteType: 'HardDelete', ItemIds: [itemIdEntry(idOf(world, key))] }));
          inboxKeys.delete(key);
          touched(key).left = true;
        } else if (roll < 0.85) {
          const key = pick(inboxKeys);
          succeeded(moveItem(world.alice, { ToFolderId: { DistinguishedFolderId: { Id: 'drafts' } }, ItemIds: [itemIdEntry(idOf(world, key))] }));
          inboxKeys.delete(key);
          draftKeys.add(key);
          touched(key).left = true;
        } else {
          const key = pick(draftKeys);
          succeeded(moveItem(world.alice, { ToFolderId: { DistinguishedFolderId: { Id: 'inbox' } }, ItemIds: [itemIdEntry(idOf(world, key))] }));
          draftKeys.delete(key);
          inboxKeys.add(key);
        }
      }

      // The changes a correct sync must report: one per item, except an inbox item that left and came back (its old id deleted, then created).
      const expected: string[] = [];
      for (const [key, id] of baseline) {
        const what = history.get(key);
        if (!inboxKeys.has(key)) expected.push(`delete ${id}`);
        else if (what?.left) expected.push(`delete ${id}`, `create ${idOf(world, key).Id}`);
        else if (what?.content) expected.push(`update ${id}`);
        else if (what?.read) expected.push(`readFlag ${id}`);
      }
      for (const key of inboxKeys) if (!baseline.has(key)) expected.push(`create ${idOf(world, key).Id}`);

      const reported: SyncItemChange[] = [];
      let pages = 0;
      for await (const page of syncItems(world.client, 'inbox', { store, mailbox: MAILBOX, pageSize: 37, propertySet: SHAPE })) {
        pages++;
        reported.push(...page.changes);
      }
      const got = reported.map((change) => `${change.kind} ${changeId(change)}`);
      expect(got.sort()).toEqual(expected.sort());
      expect(pages).toBe(Math.ceil(expected.length / 37));
      for (const change of reported) apply(replica, change);
      expect(replica).toEqual(storeView(world, 'inbox'));

      const after: SyncItemChange[] = [];
      for await (const page of syncItems(world.client, 'inbox', { store, mailbox: MAILBOX })) after.push(...page.changes);
      expect(after).toEqual([]);
    });
  });

  test('a consumer that stops inside a page gets that page again on the next run; acknowledged pages never come back', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'typed-ews-sync-'));
    try {
      await withSimulator(async (world) => {
        create(world, 'inbox', Array.from({ length: 120 }, (_, i) => `m ${i}`));
        const store = new FileSyncStateStore(directory);
        const firstRun: string[][] = [];
        await expect((async () => {
          for await (const page of syncItems(world.client, 'inbox', { store, mailbox: MAILBOX, pageSize: 25 })) {
            if (firstRun.length === 2) throw new Error('consumer crashed while applying the third page');
            firstRun.push(page.changes.map(changeId));
          }
        })()).rejects.toThrow('consumer crashed');
        const secondRun: string[][] = [];
        for await (const page of syncItems(world.client, 'inbox', { store: new FileSyncStateStore(directory), mailbox: MAILBOX, pageSize: 25 })) {
          secondRun.push(page.changes.map(changeId));
        }
        const all = [...firstRun, ...secondRun].flat();
        expect(firstRun.length).toBe(2);
        expect(secondRun.map((ids) => ids.length)).toEqual([25, 25, 20]);
        expect(new Set(all).size).toBe(120);
        expect(all.length).toBe(120);
        expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  test('page.commit(data) stores the consumer\'s data with the SyncState; a page broken off before commit is not committed', async () => {
    await withSimulator(async (world) => {
      create(world, 'inbox', ['a', 'b', 'c']);
      const store = new MemorySyncStateStore();
      for await (const page of syncItems(world.client, 'inbox', { store, mailbox: MAILBOX, pageSize: 2 })) {
        await page.commit({ applied: page.changes.length });
        expect(page.committed).toBe(true);
      }
      const saved = await store.get(MAILBOX, 'inbox');
      expect(saved).toMatchObject({ data: { applied: 1 } });
      create(world, 'inbox', ['d']);
      for await (const page of syncItems(world.client, 'inbox', { store, mailbox: MAILBOX })) {
        expect(page.changes.map((c) => c.kind)).toEqual(['create']);
        break; // not acknowledged
      }
      expect(await store.get(MAILBOX, 'inbox')).toEqual(saved);
    });
  });

  test('a SyncState the server refuses (ErrorInvalidSyncStateData) restarts the folder from nothing, with a restart event and a flag on the first page', async () => {
    await withSimulator(async (world) => {
      create(world, 'inbox', ['x', 'y']);
      const store = new MemorySyncStateStore();
      await store.put(MAILBOX, 'inbox', { syncState: 'H4sIAAAAAAAAAytJLS4BAAzTAnUFAAAA', committedAt: '2026-01-01T00:00:00Z' });
      const events: SyncRestart[] = [];
      const pages = [];
      for await (const page of syncItems(world.client, 'inbox', { store, mailbox: MAILBOX, onRestart: (e) => events.push(e) })) pages.push(page);
      expect(events).toEqual([expect.objectContaining({ reason: 'invalidSyncState', folder: 'inbox', responseCode: 'ErrorInvalidSyncStateData' })]);
      expect(events[0].message).toMatch(/refused the saved SyncState of inbox .*syncing it again from the start/);
      expect(pages[0].restart).toEqual(events[0]);
      expect(pages[0].changes.map((c) => c.kind)).toEqual(['create', 'create']);
      expect((await store.get(MAILBOX, 'inbox'))!.syncState).toBe(pages[0].syncState);
    });
  });

  test('a store without a mailbox, or a page size Exchange refuses, fails before anything is sent', async () => {
    await withSimulator(async (world) => {
      const before = world.sim.requestCount();
      await expect(syncItems(world.client, 'inbox', { store: new MemorySyncStateStore() }).next()).rejects.toThrow('needs the mailbox');
      expect(() => syncItems(world.client, 'inbox', { pageSize: 513 })).toThrow('from 1 to 512');
      expect(world.sim.requestCount()).toBe(before);
    });
  });
});
