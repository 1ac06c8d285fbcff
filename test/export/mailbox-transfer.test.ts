/**
 * exportMailbox and importMailbox in process: an export, an incremental re-run that records only the
 * changes, an import that recreates the items elsewhere; the CLI's arguments and progress output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ItemBatches } from '../../src/batch';
import { parseTransferArguments } from '../../src/export/cli-arguments';
import { exportMailbox } from '../../src/export/export-mailbox';
import { importMailbox } from '../../src/export/import-mailbox';
import { currentItems, readManifest, type ManifestEntry } from '../../src/export/manifest';
import { ProgressReporter } from '../../src/export/progress';
import { withSimulator } from '../sync/support';

describe('exportMailbox and importMailbox', () => {
  let directory: string;
  beforeEach(() => { directory = mkdtempSync(path.join(tmpdir(), 'typed-ews-transfer-')); });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  test('a second run exports only what changed (an edit, a deletion); an import recreates the current items in another folder', async () => {
    await withSimulator(async (world) => {
      const batches = new ItemBatches(world.client);
      const created = await batches.createItems(Array.from({ length: 25 }, (_, i) => ({ $el: 'Message' as const, Subject: `m ${i}` })), { messageDisposition: 'SaveOnly', savedItemFolderId: 'inbox' });
      const options = { directory, mailbox: 'alice@contoso.com', folders: ['inbox' as const], pageSize: 10 };
      expect(await exportMailbox(world.client, options)).toMatchObject({ items: 25, deleted: 0, failed: 0 });
      await expect(exportMailbox(world.client, options)).rejects.toThrow('already holds an export; pass --resume');

      const [edited, removed] = created.responses.map((r) => r.item!.ItemId!);
      const update = await world.client.call('UpdateItem', {
        ConflictResolution: 'AlwaysOverwrite', MessageDisposition: 'SaveOnly',
        ItemChanges: [{ ItemId: edited, Updates: [{ $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject: 'm 0 (edited)' } }] }],
      });
      expect(update.responseMessages[0].responseClass).toBe('Success');
      await batches.deleteItems([removed], { deleteType: 'HardDelete' });
      expect(await exportMailbox(world.client, { ...options, resume: true })).toMatchObject({ items: 1, deleted: 1 });
      const folderDirectory = path.join(directory, 'folders', '1-inbox');
      const entries: ManifestEntry[] = [];
      for await (const entry of readManifest(folderDirectory)) entries.push(entry);
      expect(entries.map((e) => e.op)).toEqual([...Array(25).fill('item'), ...(entries[25].op === 'delete' ? ['delete', 'item'] : ['item', 'delete'])]);
      expect((await currentItems(folderDirectory)).size).toBe(24);

      expect(await importMailbox(world.client, { directory, into: 'junkemail' })).toMatchObject({ items: 24, failed: 0 });
      const junk = world.mailbox.itemsIn(world.mailbox.distinguishedFolder('junkemail')!.key).map((item) => item.data.Subject);
      expect(junk.sort()).toEqual(['m 0 (edited)', ...Array.from({ length: 23 }, (_, i) => `m ${i + 2}`)].sort());
      await expect(importMailbox(world.client, { directory, into: 'junkemail' })).rejects.toThrow('pass --resume');
      expect(await importMailbox(world.client, { directory, into: 'junkemail', resume: true })).toMatchObject({ items: 0 });
    });
  });
});

describe('the typed-ews command line', () => {
  test('parses export and import options, with the folder defaults and the simulator when no URL is given', () => {
    const exported = parseTransferArguments(['export', '--dir', 'out', '--folders', 'inbox, drafts', '--resume', '--page-size', '50'], {});
    expect(exported).toMatchObject({ command: 'export', directory: 'out', folders: ['inbox', 'drafts'], resume: true, pageSize: 50 });
    expect(exported.url).toBeUndefined();
    expect(parseTransferArguments(['import', '--dir', 'out', '--into', 'junkemail'], { EWS_URL: 'https://mail.contoso.com/EWS/Exchange.asmx' }))
      .toMatchObject({ command: 'import', into: 'junkemail', url: 'https://mail.contoso.com/EWS/Exchange.asmx', maxRequestMb: 64 });
    expect(parseTransferArguments(['import', '--dir', 'out', '--max-request-mb', '150'], {}).maxRequestMb).toBe(150);
    expect(parseTransferArguments(['export', '--dir', 'out'], {}).folders).toContain('inbox');
  });

  test.each([
    [['copy'], 'unknown command "copy"'],
    [['export'], '--dir DIR is required'],
    [['export', '--dir'], '--dir needs a value'],
    [['export', '--dir', 'x', '--password', 'secret'], 'EWS_PASSWORD'],
    [['export', '--dir', 'x', '--page-size', '600'], '--page-size must be a whole number from 1 to 512'],
    [['export', '--dir', 'x', '--verbose'], 'unknown option --verbose'],
  ])('refuses %j with a message naming the problem', (argv, message) => {
    expect(() => parseTransferArguments(argv, {})).toThrow(message);
  });

  test('progress is a bar redrawn in place on a TTY and plain lines otherwise', () => {
    const tty: string[] = [];
    const bar = new ProgressReporter('exported', { isTTY: true, write: (text: string) => tty.push(text) });
    bar.update({ items: 50, bytes: 2048, totalItems: 100 });
    bar.done({ items: 100, bytes: 4096, totalItems: 100 });
    expect(tty[0]).toMatch(/^\rexported \[#{12}-{12}\] 50\/100 items, 2\.0 KiB, [\d.]+ items\/s, ETA \d+s/);
    expect(tty[1].endsWith('\n')).toBe(true);
    const plain: string[] = [];
    const lines = new ProgressReporter('exported', { isTTY: false, write: (text: string) => plain.push(text) }, 60_000);
    lines.update({ items: 1, bytes: 10 });
    lines.update({ items: 2, bytes: 20 }); // within the interval: no line
    lines.done({ items: 3, bytes: 30 });
    expect(plain).toEqual([expect.stringMatching(/^exported 1 items, 10 B, .*\n$/), expect.stringMatching(/^exported 3 items, 30 B, .* done\n$/)]);
  });
});
