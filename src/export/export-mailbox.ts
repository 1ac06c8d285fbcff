/**
 * exportMailbox: folders of a mailbox → a directory of files with a manifest per folder, resumable.
 * Each folder is walked with syncItems (so a later run exports only what changed), each page's items are
 * exported with exportItems, written, appended to the manifest, and only then is the page committed —
 * manifest length and SyncState in one atomic write. A run killed at any point resumes from the last
 * committed page: every item ends up in the manifest exactly once per version, none lost.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as t from '../../generated/types';
import { ItemBatches, type ItemBatchesOptions } from '../batch/item-batches';
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import type { FolderRef } from '../schema/folders';
import { folderEntry } from '../schema/folders';
import { folderKeyOf } from '../sync/folder-key';
import { FileSyncStateStore, writeFileAtomically } from '../sync/state-store';
import { syncItems } from '../sync/sync-items';
import { FileSink, syncFiles } from '../content/file-sink';
import { exportItemsTo } from './export-items';
import { itemFileOf, ManifestWriter, type ManifestEntry } from './manifest';
import type { ProgressCounts } from './progress';

export const EXPORT_FORMAT = 'typed-ews-export/1';

export interface ExportDescription {
  readonly format: typeof EXPORT_FORMAT;
  readonly mailbox: string;
  readonly folders: readonly { readonly folder: string; readonly path: string }[];
}

export interface ExportMailboxOptions extends CallOptions {
  readonly directory: string;
  /** The mailbox's SMTP address: the checkpoints are filed under it. */
  readonly mailbox: string;
  readonly folders: readonly FolderRef[];
  /** Continue an export already in `directory` (also: export only what changed since it finished). */
  readonly resume?: boolean;
  /** SyncFolderItems page size (changes per commit). */
  readonly pageSize?: number;
  readonly batches?: ItemBatchesOptions;
  readonly onProgress?: (counts: ProgressCounts) => void;
}

export interface ExportSummary {
  /** Items exported by this run. */
  readonly items: number;
  readonly bytes: number;
  readonly deleted: number;
  /** Items the server could not export (in the manifest as `failed`). */
  readonly failed: number;
}

export async function exportMailbox(client: ExchangeClient, options: ExportMailboxOptions): Promise<ExportSummary> {
  const { directory, mailbox, folders, resume = false, pageSize = 100, batches: batchOptions, onProgress, ...call } = options;
  const description = await prepareDirectory(directory, mailbox, folders, resume);
  const store = new FileSyncStateStore(path.join(directory, 'state'));
  const batches = new ItemBatches(client, batchOptions);
  const totalItems = await countItems(client, folders, call);
  const counts = { items: 0, bytes: 0, deleted: 0, failed: 0 };
  const report = () => onProgress?.({ items: counts.items, bytes: counts.bytes, ...(totalItems !== undefined && { totalItems }) });
  for (const folder of folders) {
    const key = folderKeyOf(folder);
    const folderDirectory = path.join(directory, description.folders.find((f) => f.folder === key)!.path);
    const checkpoint = await store.get(mailbox, key);
    const manifest = await ManifestWriter.open(folderDirectory, committedBytes(checkpoint?.data));
    try {
      for await (const page of syncItems(client, folder, { store, mailbox, pageSize, ...call })) {
        const entries: ManifestEntry[] = [];
        const changed: t.ItemIdType[] = [];
        for (const change of page.changes) {
          if (change.kind === 'delete') {
            entries.push({ op: 'delete', id: change.itemId.Id });
            counts.deleted++;
          } else if (change.itemId) changed.push(change.itemId);
        }
        // Each item's data streams from the response into its file: never one string or Buffer in memory.
        // The page's files are fsynced together before the commit rather than one by one while others arrive.
        const written: string[] = [];
        const sinkFor = (itemId: t.ItemIdType) => new FileSink(path.join(folderDirectory, itemFileOf(itemId.Id)), 'caller');
        // One window per page: the scheduler keeps every slot busy until the page's last chunk.
        for await (const record of exportItemsTo(batches, changed, sinkFor, { ...call, windowSize: Math.max(changed.length, 1) })) {
          if (record.ok) {
            const { Id: id, ChangeKey: changeKey } = record.itemId;
            entries.push({ op: 'item', id, ...(changeKey !== undefined && { changeKey }), file: itemFileOf(id), ...record.written });
            written.push(path.join(folderDirectory, itemFileOf(id)));
            counts.items++;
            counts.bytes += record.written.bytes;
          } else {
            entries.push({ op: 'failed', id: changed[record.index].Id, errorCode: record.errorCode, message: record.message });
            counts.failed++;
          }
          report();
        }
        await syncFiles(written);
        const manifestBytes = await manifest.append(entries);
        await page.commit({ manifestBytes });
      }
    } finally {
      await manifest.close();
    }
  }
  report();
  return counts;
}

function committedBytes(data: unknown): number {
  const bytes = (data as { manifestBytes?: unknown } | undefined)?.manifestBytes;
  return typeof bytes === 'number' && Number.isInteger(bytes) && bytes >= 0 ? bytes : 0;
}

/** Creates the directory's description, or checks that a resumed one is the same export. */
async function prepareDirectory(directory: string, mailbox: string, folders: readonly FolderRef[], resume: boolean): Promise<ExportDescription> {
  const file = path.join(directory, 'export.json');
  const wanted = folders.map((folder) => folderKeyOf(folder));
  let existing: ExportDescription | undefined;
  try {
    existing = JSON.parse(await fs.readFile(file, 'utf8')) as ExportDescription;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file} cannot be read: ${(error as Error).message}`);
  }
  if (existing && !resume) throw new Error(`${directory} already holds an export; pass --resume to continue it, or choose an empty directory`);
  if (existing) {
    if (existing.format !== EXPORT_FORMAT || existing.mailbox.toLowerCase() !== mailbox.toLowerCase()) {
      throw new Error(`${directory} holds an export of ${existing.mailbox} (${existing.format}), not of ${mailbox}`);
    }
    const known = new Set(existing.folders.map((f) => f.folder));
    if (wanted.every((key) => known.has(key))) return existing;
  }
  const taken = existing?.folders ?? [];
  const added = wanted.filter((key) => !taken.some((f) => f.folder === key)).map((key, i) => ({ folder: key, path: `folders/${taken.length + i + 1}-${safeName(key)}` }));
  const description: ExportDescription = { format: EXPORT_FORMAT, mailbox, folders: [...taken, ...added] };
  await writeFileAtomically(file, `${JSON.stringify(description, null, 2)}\n`);
  return description;
}

/** A readable, short directory name for a folder key (a distinguished name stays as it is). */
function safeName(key: string): string {
  return key.replace(/[^A-Za-z0-9@._-]/g, '_').slice(0, 40);
}

/** The folders' item counts (TotalCount), for the progress ETA; undefined when the server does not say. */
async function countItems(client: ExchangeClient, folders: readonly FolderRef[], call: CallOptions): Promise<number | undefined> {
  try {
    const result = await client.call('GetFolder', { FolderShape: { BaseShape: 'Default' }, FolderIds: folders.map(folderEntry) }, call);
    let total = 0;
    for (const message of result.responseMessages) {
      const count = (message.payload as { Folders?: { TotalCount?: number }[] }).Folders?.[0]?.TotalCount;
      if (typeof count !== 'number') return undefined;
      total += count;
    }
    return total;
  } catch {
    return undefined; // the count only feeds the ETA: an export does not fail for it
  }
}
