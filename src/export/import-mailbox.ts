/**
 * importMailbox: an export directory → UploadItems into a mailbox, folder by folder, resumable. Progress
 * (how many of a folder's items are uploaded) is written atomically after every window of uploads; a
 * resumed import skips what was confirmed. A window in flight when the process died is sent again, so
 * an item of that window may be uploaded twice: UploadItems has no idempotency key to prevent it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as t from '../../generated/types';
import { ItemBatches, type ItemBatchesOptions } from '../batch/item-batches';
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import { folderEntry, type FolderRef } from '../schema/folders';
import { writeFileAtomically } from '../sync/state-store';
import { fileSource } from '../content/content-streams';
import { EXPORT_FORMAT, type ExportDescription } from './export-mailbox';
import { currentItems } from './manifest';
import type { ProgressCounts } from './progress';
import { uploadItems } from './upload-items';
import { windowsOf } from './windows';

export interface ImportMailboxOptions extends CallOptions {
  readonly directory: string;
  /** Only these exported folders (their keys, e.g. `inbox`); all by default. */
  readonly folders?: readonly string[];
  /** Upload every folder into this one instead of the folder of the same name. */
  readonly into?: FolderRef;
  /** Continue an import of this directory that was interrupted. */
  readonly resume?: boolean;
  readonly batches?: ItemBatchesOptions;
  /** Largest UploadItems request (see UploadOptions.maxRequestBytes); Exchange's default limit, 64 MiB, unless set. */
  readonly maxRequestBytes?: number;
  readonly onProgress?: (counts: ProgressCounts) => void;
}

export interface ImportSummary {
  readonly items: number;
  readonly bytes: number;
  readonly failed: number;
}

const IMPORT_STATE_FILE = 'import-state.json';
const WINDOW = 200;

export async function importMailbox(client: ExchangeClient, options: ImportMailboxOptions): Promise<ImportSummary> {
  const { directory, folders, into, resume = false, batches: batchOptions, maxRequestBytes, onProgress, ...call } = options;
  const description = JSON.parse(await fs.readFile(path.join(directory, 'export.json'), 'utf8')) as ExportDescription;
  if (description.format !== EXPORT_FORMAT) throw new Error(`${directory} is not a typed-ews export (format ${String(description.format)})`);
  const statePath = path.join(directory, IMPORT_STATE_FILE);
  const done = await readImportState(statePath, resume);
  const batches = new ItemBatches(client, batchOptions);
  const chosen = description.folders.filter((f) => !folders || folders.includes(f.folder));
  const counts = { items: 0, bytes: 0, failed: 0 };
  for (const exported of chosen) {
    const folderDirectory = path.join(directory, exported.path);
    const items = [...(await currentItems(folderDirectory)).values()];
    const target = await folderIdOf(client, into ?? exportedFolderRef(exported.folder), call);
    const total = { totalItems: items.length };
    let position = done[exported.folder] ?? 0;
    const pending = items.slice(position);
    for await (const window of windowsOf(pending, WINDOW)) {
      // Each item's file is read as a stream while its request is sent, never whole in memory.
      const records = await Promise.all(window.map(async (entry) => ({ data: await fileSource(path.join(folderDirectory, entry.file)), parentFolderId: target })));
      for await (const result of uploadItems(batches, records, { ...call, ...(maxRequestBytes !== undefined && { maxRequestBytes }) })) {
        if (result.ok) {
          counts.items++;
          counts.bytes += window[result.index].bytes;
        } else counts.failed++;
      }
      position += window.length;
      done[exported.folder] = position;
      await writeFileAtomically(statePath, JSON.stringify(done));
      onProgress?.({ items: counts.items, bytes: counts.bytes, ...total });
    }
  }
  return counts;
}

async function readImportState(file: string, resume: boolean): Promise<Record<string, number>> {
  try {
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, number>;
    if (!resume) throw new Error(`an import of this directory was started before (${file}); pass --resume to continue it`);
    return saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** The folder an exported folder key names: a distinguished name, else the folder id it was exported from. */
function exportedFolderRef(key: string): FolderRef {
  try {
    return folderEntry(key as FolderRef);
  } catch {
    return { $el: 'FolderId', Id: key };
  }
}

/** UploadItems needs a FolderId: a distinguished folder is looked up first. */
async function folderIdOf(client: ExchangeClient, folder: FolderRef, call: CallOptions): Promise<string> {
  const result = await client.call('GetFolder', { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [folderEntry(folder)] }, call);
  const message = result.responseMessages[0];
  const id = (message.payload as { Folders?: { FolderId?: t.FolderIdType }[] }).Folders?.[0]?.FolderId?.Id;
  if (message.responseClass === 'Error' || !id) {
    throw new Error(`the target folder ${JSON.stringify(folder)} cannot be found (${message.responseCode}); name one with --into`);
  }
  return id;
}
