/**
 * The export folder's manifest: one JSON line per event (an item exported, an item deleted), appended
 * and fsynced page by page. Its committed length is stored with the sync checkpoint in one atomic write,
 * so a run that was killed cuts the manifest back to that length before it goes on: lines of a page that
 * was not committed are written again, never twice. Item data files are named by a hash of the item id
 * (an updated item replaces its file) and written by temp file, fsync and rename.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

export type ManifestEntry =
  | { readonly op: 'item'; readonly id: string; readonly changeKey?: string; readonly file: string; readonly bytes: number; readonly sha256: string }
  | { readonly op: 'delete'; readonly id: string }
  | { readonly op: 'failed'; readonly id: string; readonly errorCode: string; readonly message: string };

export const MANIFEST_FILE = 'manifest.jsonl';

export class ManifestWriter {
  private constructor(private readonly handle: fs.FileHandle, private length: number) {}

  /** Opens a folder's manifest, cut back to `committedBytes` (what the last committed page left). */
  static async open(directory: string, committedBytes: number): Promise<ManifestWriter> {
    await fs.mkdir(path.join(directory, 'items'), { recursive: true });
    const handle = await fs.open(path.join(directory, MANIFEST_FILE), 'a+');
    const { size } = await handle.stat();
    if (size < committedBytes) {
      await handle.close();
      throw new Error(`the manifest in ${directory} is shorter (${size} bytes) than its committed length (${committedBytes}): it was changed outside the export`);
    }
    if (size > committedBytes) {
      await handle.truncate(committedBytes);
      await handle.sync();
    }
    return new ManifestWriter(handle, committedBytes);
  }

  /** Appends lines and makes them durable; returns the manifest's new length, to commit with the page. */
  async append(entries: readonly ManifestEntry[]): Promise<number> {
    if (entries.length === 0) return this.length;
    const text = Buffer.from(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8');
    await this.handle.write(text, 0, text.length, this.length);
    await this.handle.sync();
    this.length += text.length;
    return this.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** Where an item's data file goes, relative to the folder's directory: named by a hash of its id. */
export function itemFileOf(id: string): string {
  return `items/${createHash('sha256').update(id).digest('hex').slice(0, 40)}.bin`;
}

/** The manifest's lines in order, read as a stream; a torn last line (never committed) is skipped. */
export async function* readManifest(directory: string): AsyncGenerator<ManifestEntry, void, undefined> {
  const file = path.join(directory, MANIFEST_FILE);
  try {
    await fs.access(file);
  } catch {
    return;
  }
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as ManifestEntry;
    } catch {
      return;
    }
  }
}

/** The folder's items as the manifest leaves them: the latest export of each item not deleted since, in first-seen order. */
export async function currentItems(directory: string): Promise<Map<string, Extract<ManifestEntry, { op: 'item' }>>> {
  const items = new Map<string, Extract<ManifestEntry, { op: 'item' }>>();
  for await (const entry of readManifest(directory)) {
    if (entry.op === 'item') items.set(entry.id, entry);
    else if (entry.op === 'delete') items.delete(entry.id);
  }
  return items;
}
