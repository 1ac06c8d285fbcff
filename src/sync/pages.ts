/**
 * The paging every sync shares: ask for the changes since the last committed SyncState, hand over one
 * page at a time, and commit a page's SyncState only once the consumer has acknowledged it — by calling
 * `page.commit()` or by asking for the next page. A consumer that stops (break, throw, kill -9) before
 * either gets the same page again on the next run: no change is skipped, and none is handed over twice
 * once acknowledged. An expired or invalid SyncState (ErrorInvalidSyncStateData) restarts the folder
 * from nothing; the first page after that says so in `restart`.
 */
import type { CallOptions } from '../client/exchange-client';
import type { ResponseMessage } from '../client/response-messages';
import { EwsSyncError, InvalidSyncOptionsError, UnexpectedSyncResponseError } from './errors';
import type { SyncCheckpoint, SyncStateStore } from './state-store';

export interface SyncOptions extends CallOptions {
  /** Where committed SyncStates are kept; without one, each run starts from `syncState` (or from nothing). */
  readonly store?: SyncStateStore;
  /** The mailbox the store files this folder's checkpoint under (its SMTP address); required with `store`. */
  readonly mailbox?: string;
  /** Start from this SyncState instead of the store's. */
  readonly syncState?: string;
  /** Called when the server refused the saved SyncState and the folder starts over. */
  readonly onRestart?: (restart: SyncRestart) => void;
}

/** Why a folder's sync started over from nothing. */
export interface SyncRestart {
  readonly reason: 'invalidSyncState';
  readonly folder: string;
  readonly responseCode: string;
  readonly message: string;
}

export interface SyncPage<C> {
  /** The changes on this page, oldest first. */
  readonly changes: readonly C[];
  /** The SyncState after this page: what the next run starts from once the page is committed. */
  readonly syncState: string;
  /** Whether this page brings the folder up to date. */
  readonly isLast: boolean;
  /** Set on the first page after the server refused the saved SyncState: the folder is being synced from nothing. */
  readonly restart?: SyncRestart;
  /** Whether this page's SyncState is committed (to the store, when there is one). */
  readonly committed: boolean;
  /**
   * Acknowledges the page: its SyncState is written to the store, with `data` in the same atomic write.
   * Asking for the next page does this too (without data). Calling it again does nothing.
   */
  commit(data?: unknown): Promise<void>;
}

/** One answer of a sync operation, reduced to what paging needs. */
export interface SyncAnswer<C> {
  readonly changes: readonly C[];
  readonly syncState: string;
  readonly isLast: boolean;
}

export interface SyncSpec<C> {
  readonly operation: string;
  /** The checkpoint's key in the store. */
  readonly storeKey: string;
  fetch(syncState: string | undefined, call: CallOptions): Promise<ResponseMessage>;
  read(message: ResponseMessage): SyncAnswer<C>;
}

export async function* syncPages<C>(spec: SyncSpec<C>, options: SyncOptions): AsyncGenerator<SyncPage<C>, void, undefined> {
  const { store, mailbox, syncState: startState, onRestart, ...call } = options;
  if (store && mailbox === undefined) throw new InvalidSyncOptionsError('a sync with a state store needs the mailbox to file its state under');
  let state = startState ?? (store ? (await store.get(mailbox!, spec.storeKey))?.syncState : undefined);
  let restart: SyncRestart | undefined;
  for (;;) {
    const message = await spec.fetch(state, call);
    if (message.responseClass === 'Error') {
      if (message.responseCode === 'ErrorInvalidSyncStateData' && state !== undefined && restart === undefined) {
        restart = {
          reason: 'invalidSyncState', folder: spec.storeKey, responseCode: message.responseCode,
          message: `the server refused the saved SyncState of ${spec.storeKey} (${message.messageText ?? message.responseCode}); syncing it again from the start`,
        };
        onRestart?.(restart);
        state = undefined;
        continue;
      }
      throw new EwsSyncError(spec.operation, spec.storeKey, message);
    }
    const answer = spec.read(message);
    if (!answer.isLast && answer.changes.length === 0 && answer.syncState === state) {
      throw new UnexpectedSyncResponseError(`${spec.operation} announced more changes but returned none and the same SyncState`);
    }
    const page = new Page(answer, restart, store && { store, mailbox: mailbox!, key: spec.storeKey });
    restart = undefined;
    yield page;
    if (!page.committed) await page.commit();
    if (answer.isLast) return;
    state = answer.syncState;
  }
}

class Page<C> implements SyncPage<C> {
  readonly changes: readonly C[];
  readonly syncState: string;
  readonly isLast: boolean;
  readonly restart?: SyncRestart;
  private done = false;

  constructor(answer: SyncAnswer<C>, restart: SyncRestart | undefined,
    private readonly target: { store: SyncStateStore; mailbox: string; key: string } | undefined) {
    this.changes = answer.changes;
    this.syncState = answer.syncState;
    this.isLast = answer.isLast;
    if (restart) this.restart = restart;
  }

  get committed(): boolean {
    return this.done;
  }

  async commit(data?: unknown): Promise<void> {
    if (this.done) return;
    if (this.target) {
      const checkpoint: SyncCheckpoint = { syncState: this.syncState, committedAt: new Date().toISOString(), ...(data !== undefined && { data }) };
      await this.target.store.put(this.target.mailbox, this.target.key, checkpoint);
    }
    this.done = true;
  }
}
