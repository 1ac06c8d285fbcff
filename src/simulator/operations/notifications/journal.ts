/**
 * A mailbox's event journal: every change the store reports becomes one or more EWS notification
 * events, numbered in order. Subscriptions read it from their cursor; the watermark of an event is its
 * number, so a client can resume after any event still retained. Only the newest `retain` events are
 * kept (Exchange too keeps a bounded history): an older watermark is ErrorInvalidWatermark.
 */
import type * as t from '../../../../generated/types';
import type { Mailbox, MailboxChange } from '../../store/mailbox';
import type { StoredItem } from '../../store/records';

/** An event as the journal keeps it: its Watermark (which 2007 SP1's schema requires) is added when it is sent. */
export type UnmarkedEvent = t.NotificationTypeEventsEntry extends infer E ? E extends unknown ? Omit<E, 'Watermark'> : never : never;

// FreeBusyChangedEvent is Exchange 2010 SP1's: `never` in an SDK generated from an older release's schema.
const FREE_BUSY_CHANGED = 'FreeBusyChangedEvent' as Extract<UnmarkedEvent['$el'], 'FreeBusyChangedEvent'>;

export interface JournalEntry {
  readonly seq: number;
  /** The folders the event concerns (parent, and old parent of a move or copy), for folder filters. */
  readonly folderKeys: readonly number[];
  /** The event without its Watermark, which is derived from `seq` when it is sent. */
  readonly event: UnmarkedEvent;
}

/** Message-like items whose arrival in the inbox is new mail. */
const MAIL_ELEMENTS: ReadonlySet<string> = new Set(['Message', 'MeetingRequest', 'MeetingResponse', 'MeetingCancellation']);

export class EventJournal {
  private entries: JournalEntry[] = [];
  /** Index in `entries` of the oldest retained entry (the array is compacted now and then). */
  private head = 0;
  private last = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly mailbox: Mailbox, private readonly retain: number) {
    mailbox.onChange = (change) => this.record(change);
  }

  /** Number of the newest event (0 before the first). */
  get lastSeq(): number {
    return this.last;
  }

  /** Number of the oldest event still retained; a cursor below `oldestSeq - 1` has lost events. */
  get oldestSeq(): number {
    return this.head < this.entries.length ? this.entries[this.head].seq : this.last + 1;
  }

  /** Calls `listener` after each appended batch of events; returns the unsubscribe function. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Up to `max` entries after `cursor` that `accepts` lets through, and the cursor after the last one examined. */
  read(cursor: number, max: number, accepts: (entry: JournalEntry) => boolean): { entries: JournalEntry[]; cursor: number } {
    const found: JournalEntry[] = [];
    let index = this.head + Math.max(0, cursor + 1 - this.oldestSeq);
    let reached = Math.max(cursor, this.oldestSeq - 1);
    for (; index < this.entries.length && found.length < max; index++) {
      const entry = this.entries[index];
      reached = entry.seq;
      if (accepts(entry)) found.push(entry);
    }
    return { entries: found, cursor: reached };
  }

  /** Forgets every retained event (tests: a watermark older than the history is then invalid). */
  forget(): void {
    this.entries = [];
    this.head = 0;
  }

  private record(change: MailboxChange): void {
    const added = this.eventsOf(change);
    if (added.length === 0) return;
    for (const [event, folderKeys] of added) {
      this.entries.push({ seq: ++this.last, folderKeys, event });
      if (this.entries.length - this.head > this.retain) this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    for (const listener of this.listeners) listener();
  }

  private eventsOf(change: MailboxChange): [UnmarkedEvent, number[]][] {
    const { mailbox } = this;
    const TimeStamp = mailbox.now();
    if (change.kind === 'FolderCreated') {
      const parent = change.folder.parentKey === null ? undefined : mailbox.folder(change.folder.parentKey);
      if (!parent) return [];
      return [[{ $el: 'CreatedEvent', TimeStamp, FolderId: mailbox.folderId(change.folder), ParentFolderId: mailbox.folderId(parent) }, [parent.key]]];
    }
    const { item, folderKey } = change;
    const folder = mailbox.folder(folderKey);
    if (!folder) return [];
    const ids = { TimeStamp, ItemId: mailbox.itemId(item), ParentFolderId: mailbox.folderId(folder) };
    const events: [UnmarkedEvent, number[]][] = [];
    switch (change.kind) {
      case 'Created':
        events.push([{ $el: 'CreatedEvent', ...ids }, [folderKey]]);
        if (folder.distinguishedId === 'inbox' && MAIL_ELEMENTS.has(item.element)) events.push([{ $el: 'NewMailEvent', ...ids }, [folderKey]]);
        break;
      case 'Modified':
      case 'Deleted':
        events.push([{ $el: change.kind === 'Modified' ? 'ModifiedEvent' : 'DeletedEvent', ...ids }, [folderKey]]);
        break;
      case 'Moved':
      case 'Copied': {
        const oldFolder = mailbox.folder(change.oldFolderKey);
        if (!oldFolder) break;
        events.push([{
          $el: change.kind === 'Moved' ? 'MovedEvent' : 'CopiedEvent', ...ids,
          OldItemId: { Id: change.oldItemId }, OldParentFolderId: mailbox.folderId(oldFolder),
        }, [folderKey, change.oldFolderKey]]);
        break;
      }
    }
    if (affectsFreeBusy(item)) events.push([{ $el: FREE_BUSY_CHANGED, ...ids }, [folderKey]]);
    return events;
  }
}

/** Calendar items change the owner's free/busy (Exchange raises FreeBusyChangedEvent for them). */
function affectsFreeBusy(item: StoredItem): boolean {
  return item.element === 'CalendarItem';
}

const WATERMARK_PREFIX = 'typed-ews-wm/1';

export function encodeWatermark(mailbox: Mailbox, seq: number): string {
  return Buffer.from(`${WATERMARK_PREFIX}:${mailbox.identity.guid}:${seq}`).toString('base64');
}

/** The event number a watermark names, or undefined when it is not one of this mailbox's. */
export function decodeWatermark(mailbox: Mailbox, watermark: string): number | undefined {
  const [prefix, guid, seq] = Buffer.from(watermark, 'base64').toString('utf8').split(':');
  if (prefix !== WATERMARK_PREFIX || guid !== mailbox.identity.guid || !/^\d+$/.test(seq ?? '')) return undefined;
  return Number(seq);
}
