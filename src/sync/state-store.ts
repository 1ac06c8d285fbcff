/**
 * Where sync progress is kept between runs: one checkpoint per mailbox and folder, written only when the
 * consumer has finished with a page. The file store writes each checkpoint to a temporary file, fsyncs
 * it, renames it over the old one and fsyncs the directory, so a process killed at any moment leaves
 * either the old checkpoint or the new one, never a torn file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface SyncCheckpoint {
  /** The SyncState to continue from. */
  readonly syncState: string;
  /** What the consumer stores beside it, committed in the same atomic write (e.g. an export's manifest length). */
  readonly data?: unknown;
  /** ISO time of the commit. */
  readonly committedAt: string;
}

export interface SyncStateStore {
  get(mailbox: string, folder: string): Promise<SyncCheckpoint | undefined>;
  put(mailbox: string, folder: string, checkpoint: SyncCheckpoint): Promise<void>;
  delete(mailbox: string, folder: string): Promise<void>;
}

/** A store in memory: for tests and for syncs that need not survive the process. */
export class MemorySyncStateStore implements SyncStateStore {
  private readonly checkpoints = new Map<string, SyncCheckpoint>();

  async get(mailbox: string, folder: string): Promise<SyncCheckpoint | undefined> {
    return this.checkpoints.get(storeKey(mailbox, folder));
  }

  async put(mailbox: string, folder: string, checkpoint: SyncCheckpoint): Promise<void> {
    this.checkpoints.set(storeKey(mailbox, folder), checkpoint);
  }

  async delete(mailbox: string, folder: string): Promise<void> {
    this.checkpoints.delete(storeKey(mailbox, folder));
  }
}

/** The checkpoint file's content; mailbox and folder are kept so a directory listing can be read by a person. */
interface CheckpointFile extends SyncCheckpoint {
  readonly format: 'typed-ews-sync-checkpoint/1';
  readonly mailbox: string;
  readonly folder: string;
}

/** A store in a directory, one JSON file per mailbox and folder, each write atomic and durable. */
export class FileSyncStateStore implements SyncStateStore {
  constructor(readonly directory: string) {}

  async get(mailbox: string, folder: string): Promise<SyncCheckpoint | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.fileOf(mailbox, folder), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const saved = parseCheckpoint(text, this.fileOf(mailbox, folder));
    return { syncState: saved.syncState, committedAt: saved.committedAt, ...(saved.data !== undefined && { data: saved.data }) };
  }

  async put(mailbox: string, folder: string, checkpoint: SyncCheckpoint): Promise<void> {
    const file: CheckpointFile = { format: 'typed-ews-sync-checkpoint/1', mailbox, folder, ...checkpoint };
    await writeFileAtomically(this.fileOf(mailbox, folder), JSON.stringify(file));
  }

  async delete(mailbox: string, folder: string): Promise<void> {
    await fs.rm(this.fileOf(mailbox, folder), { force: true });
    await syncDirectory(this.directory);
  }

  private fileOf(mailbox: string, folder: string): string {
    return path.join(this.directory, `${createHash('sha256').update(storeKey(mailbox, folder)).digest('hex').slice(0, 32)}.json`);
  }
}

/** Mailboxes compare case-insensitively (as Exchange does); folder ids are case-sensitive. */
function storeKey(mailbox: string, folder: string): string {
  return `${mailbox.toLowerCase()}\n${folder}`;
}

function parseCheckpoint(text: string, file: string): CheckpointFile {
  let saved: Partial<CheckpointFile>;
  try {
    saved = JSON.parse(text) as Partial<CheckpointFile>;
  } catch (error) {
    throw new Error(`sync checkpoint ${file} is not JSON: ${(error as Error).message}`);
  }
  if (saved.format !== 'typed-ews-sync-checkpoint/1' || typeof saved.syncState !== 'string') {
    throw new Error(`sync checkpoint ${file} is not a typed-ews checkpoint (format ${String(saved.format)})`);
  }
  return saved as CheckpointFile;
}

/** Write-then-rename with fsync of the file and of its directory: the new content or the old, never half. */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const directory = path.dirname(file);
  await fs.mkdir(directory, { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temporary, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes a rename durable; some platforms (Windows) cannot open a directory, where rename is durable enough. */
export async function syncDirectory(directory: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'ENOENT') throw error;
  } finally {
    await handle?.close();
  }
}
