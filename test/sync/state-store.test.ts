/** The file state store: atomic, durable writes (no temporary file left), per mailbox and folder, and a clear error for a damaged file. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileSyncStateStore } from '../../src/sync';

describe('FileSyncStateStore', () => {
  let directory: string;
  beforeEach(() => { directory = mkdtempSync(path.join(tmpdir(), 'typed-ews-store-')); });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  test('keeps one checkpoint per mailbox (case-insensitive) and folder, replaces it whole, and leaves no temporary file', async () => {
    const store = new FileSyncStateStore(path.join(directory, 'state'));
    expect(await store.get('alice@contoso.com', 'inbox')).toBeUndefined();
    await store.put('alice@contoso.com', 'inbox', { syncState: 'one', committedAt: '2026-12-01T00:00:00.000Z', data: { manifestBytes: 10 } });
    await store.put('Alice@Contoso.com', 'inbox', { syncState: 'two', committedAt: '2026-12-01T00:00:01.000Z' });
    await store.put('alice@contoso.com', 'drafts', { syncState: 'drafts', committedAt: '2026-12-01T00:00:02.000Z' });
    await store.put('bob@contoso.com', 'inbox', { syncState: 'bob', committedAt: '2026-12-01T00:00:03.000Z' });
    expect(await new FileSyncStateStore(path.join(directory, 'state')).get('ALICE@contoso.com', 'inbox')).toEqual({ syncState: 'two', committedAt: '2026-12-01T00:00:01.000Z' });
    expect((await store.get('alice@contoso.com', 'drafts'))!.syncState).toBe('drafts');
    expect((await store.get('bob@contoso.com', 'inbox'))!.syncState).toBe('bob');
    const files = readdirSync(path.join(directory, 'state'));
    expect(files).toHaveLength(3);
    expect(files.every((name) => name.endsWith('.json'))).toBe(true);
    await store.delete('bob@contoso.com', 'inbox');
    expect(await store.get('bob@contoso.com', 'inbox')).toBeUndefined();
  });

  test('a damaged checkpoint file is an error naming the file, not a silent fresh start', async () => {
    const store = new FileSyncStateStore(directory);
    await store.put('alice@contoso.com', 'inbox', { syncState: 'one', committedAt: '2026-12-01T00:00:00.000Z' });
    const [file] = readdirSync(directory);
    expect(JSON.parse(readFileSync(path.join(directory, file), 'utf8'))).toMatchObject({ mailbox: 'alice@contoso.com', folder: 'inbox' });
    writeFileSync(path.join(directory, file), '{"format":"typed-ews-sync-checkpoint/1","syncSt');
    await expect(store.get('alice@contoso.com', 'inbox')).rejects.toThrow(`sync checkpoint ${path.join(directory, file)} is not JSON`);
  });
});
