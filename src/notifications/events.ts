/**
 * The typed events every subscription mode yields. A change event carries the ids Exchange sent and
 * its watermark: delivery is at least once, and a repeated event has the same watermark, so a
 * consumer that must not act twice keeps the watermarks it has handled. Besides changes the iterators
 * yield what a consumer must know about the subscription itself: `Resync` (events may have been
 * missed: resynchronise with SyncFolderItems), `Disconnected` (a connection broke and is being
 * re-established) and `Diagnostic` (the server answered outside the schema but was understood).
 */
import type * as t from '../../generated/types';
import { readValueAs } from '../runtime/documents';
import type { SchemaSet } from '../schema/descriptors';

export type ChangeEventKind = 'NewMail' | 'Created' | 'Modified' | 'Moved' | 'Copied' | 'Deleted' | 'FreeBusyChanged';

export interface ChangeEvent {
  readonly kind: ChangeEventKind;
  readonly subscriptionId: string;
  /** Absent only when the server sent none (gromox does not). */
  readonly watermark?: string;
  readonly timeStamp: string;
  /** The item, or `folderId` for a folder event. */
  readonly itemId?: t.ItemIdType;
  readonly folderId?: t.FolderIdType;
  readonly parentFolderId: t.FolderIdType;
  /** Moved and Copied: where it was. */
  readonly oldItemId?: t.ItemIdType;
  readonly oldFolderId?: t.FolderIdType;
  readonly oldParentFolderId?: t.FolderIdType;
  /** Modified events of a folder: its unread count. */
  readonly unreadCount?: number;
}

export interface StatusEvent {
  readonly kind: 'Status';
  readonly subscriptionId: string;
  readonly watermark?: string;
}

export type ResyncReason = 'InvalidWatermark' | 'SubscriptionExpired' | 'NoWatermark';

/** The subscription was lost and re-created; when `eventsMayBeLost`, resynchronise the folders (SyncFolderItems). */
export interface ResyncEvent {
  readonly kind: 'Resync';
  readonly reason: ResyncReason;
  /** The subscription that was lost and the one that replaces it. */
  readonly subscriptionId: string;
  readonly newSubscriptionId?: string;
  /** The EWS response code behind it, e.g. ErrorInvalidWatermark. */
  readonly responseCode?: string;
  /** False when the new subscription resumed from the last watermark, so nothing was missed. */
  readonly eventsMayBeLost: boolean;
  readonly message: string;
}

/** A connection broke (or went silent beyond its heartbeat); the iterator reconnects after `retryInMs`. */
export interface DisconnectedEvent {
  readonly kind: 'Disconnected';
  readonly reason: 'heartbeat' | 'error';
  readonly message: string;
  /** Consecutive failed attempts so far (1 for the first). */
  readonly attempt: number;
  readonly retryInMs: number;
}

/** The server's answer broke the schema in a way that was understood anyway (said once per kind). */
export interface DiagnosticEvent {
  readonly kind: 'Diagnostic';
  readonly message: string;
}

export type NotificationEvent = ChangeEvent | StatusEvent | ResyncEvent | DisconnectedEvent | DiagnosticEvent;

const CHANGE_KINDS: Readonly<Record<string, ChangeEventKind>> = {
  NewMailEvent: 'NewMail', CreatedEvent: 'Created', ModifiedEvent: 'Modified', MovedEvent: 'Moved',
  CopiedEvent: 'Copied', DeletedEvent: 'Deleted', FreeBusyChangedEvent: 'FreeBusyChanged',
};

/** The events of one t:Notification, in document order. */
export function eventsOf(notification: t.NotificationType): (ChangeEvent | StatusEvent)[] {
  const subscriptionId = notification.SubscriptionId;
  const events: (ChangeEvent | StatusEvent)[] = [];
  for (const entry of notification.Events ?? []) {
    if (entry.$el === 'StatusEvent') {
      events.push(withOptional({ kind: 'Status', subscriptionId }, { watermark: entry.Watermark }) as StatusEvent);
      continue;
    }
    const kind = CHANGE_KINDS[entry.$el];
    if (kind === undefined) continue; // the schema's choice has no other members
    const moved = entry as t.MovedCopiedEventType & t.ModifiedEventType;
    events.push(withOptional({ kind, subscriptionId, timeStamp: entry.TimeStamp, parentFolderId: entry.ParentFolderId }, {
      watermark: entry.Watermark, itemId: entry.ItemId, folderId: entry.FolderId, oldItemId: moved.OldItemId,
      oldFolderId: moved.OldFolderId, oldParentFolderId: moved.OldParentFolderId, unreadCount: moved.UnreadCount,
    }) as ChangeEvent);
  }
  return events;
}

/** The watermark to resume after these events: the last one that has one. */
export function lastWatermark(events: readonly NotificationEvent[], previous: string | undefined): string | undefined {
  let watermark = previous;
  for (const event of events) if ((event.kind === 'Status' || 'timeStamp' in event) && event.watermark !== undefined) watermark = event.watermark;
  return watermark;
}

/**
 * The notifications of a m:Notifications array. Exchange writes `m:Notification` where the schema
 * says `t:Notification`; the reader keeps those raw (an entry with `$xml`, or `$unknown` on the
 * array) and they are read here as t:NotificationType, through the descriptors.
 */
export function notificationsIn(schema: SchemaSet, notifications: readonly t.NotificationType[] | undefined): t.NotificationType[] {
  if (!notifications) return [];
  const readRaw = (xml: string) => readValueAs<t.NotificationType>(schema, xml, 'NotificationType');
  const isNotification = (xml: string) => /^<(?:[\w.-]+:)?Notification[\s>/]/.test(xml);
  const result: t.NotificationType[] = [];
  for (const entry of notifications) {
    const raw = (entry as { $xml?: unknown }).$xml;
    if (typeof raw !== 'string') result.push(entry);
    else if (isNotification(raw)) result.push(readRaw(raw));
  }
  for (const raw of (notifications as { $unknown?: string[] }).$unknown ?? []) if (isNotification(raw)) result.push(readRaw(raw));
  return result;
}

function withOptional<T extends object>(base: T, optional: Record<string, unknown>): T {
  const result: Record<string, unknown> = base as Record<string, unknown>;
  for (const key in optional) if (optional[key] !== undefined) result[key] = optional[key];
  return result as T;
}
