/**
 * What the store keeps. Item and folder properties are held as instance-model objects of the generated
 * types (the same shape the SDK reads and writes), plus the bookkeeping EWS semantics need: change
 * numbers for ChangeKeys and conflict detection, sequence numbers for SyncFolderItems, tombstones.
 * Everything here is plain JSON so the whole state can be persisted.
 */
import type * as t from '../../../generated/types';
import type { GeneratedContentSpec } from './generated-content';

/** The element an item is written as (`Message`, `CalendarItem`, ...). */
export type ItemElement = t.ArrayOfRealItemsTypeEntry['$el'];
/**
 * The item elements the simulator serves: every one but those of Exchange 2016's set only (Exchange
 * Online components of 2015 that later releases dropped), so that an SDK generated from it compiles.
 */
export type ServedItemElement = Exclude<ItemElement, 'Booking' | 'XrmOrganization'>;
export type FolderElement = t.ArrayOfFoldersTypeEntry['$el'];
export type AttachmentElement = t.ArrayOfAttachmentsTypeEntry['$el'];

/** An item's properties: every property any item type may carry, keyed by element name. */
export type ItemData = t.ItemType & Partial<t.MessageType> & Partial<t.CalendarItemType> & Partial<t.ContactItemType>
  & Partial<t.TaskType> & Partial<t.MeetingRequestMessageType> & Record<string, unknown>;

export interface StoredItem {
  /** Mailbox-unique key; part of the ItemId. */
  readonly key: number;
  readonly element: ItemElement;
  folderKey: number;
  /** All properties, server-computed ones (ItemId, ParentFolderId, Size, ...) kept current. */
  data: ItemData;
  /** The change number the current ChangeKey was issued at. */
  changeNumber: number;
  /** Change number of the last change to each property, for UpdateItem conflict detection. */
  propertyChanges: Record<string, number>;
  /** Change number when the item entered its current folder (a SyncFolderItems Create). */
  enteredAt: number;
  /** Change number of the last change other than the read flag (a SyncFolderItems Update). */
  contentChangedAt: number;
  /** Change number of the last read-flag change (a SyncFolderItems ReadFlagChange). */
  readChangedAt: number;
  attachments: StoredAttachment[];
  /** For soft-deleted items (in Recoverable Items\Deletions): the folder they were deleted from. */
  softDeletedFrom?: number;
  /** Recurring masters: per-occurrence property overrides (exceptions), by original start (epoch ms). */
  exceptions?: Record<string, ItemData>;
}

/** t:ReferenceAttachmentType (Exchange 2016), `{}` in an SDK generated from an older release's schema. */
type ReferenceEntry = Extract<t.ArrayOfAttachmentsTypeEntry, { $el: 'ReferenceAttachment' }>;
type ReferenceAttachment = [ReferenceEntry] extends [never] ? unknown : Omit<ReferenceEntry, '$el'>;

export interface StoredAttachment {
  readonly key: number;
  readonly element: AttachmentElement;
  /** The attachment as the instance model has it, without AttachmentId (derived from the key). */
  data: t.FileAttachmentType & t.ItemAttachmentType & ReferenceAttachment & Record<string, unknown>;
  /** A file attachment whose Content is made up when read (generated-content.ts), not held: `data.Content` is then absent. */
  generated?: GeneratedContentSpec;
}

export interface StoredFolder {
  readonly key: number;
  readonly element: FolderElement;
  parentKey: number | null;
  distinguishedId?: t.DistinguishedFolderIdNameType;
  displayName: string;
  folderClass: string;
  changeNumber: number;
  /** Change number of the folder's creation (a SyncFolderHierarchy Create); absent in older saved states. */
  createdAt?: number;
  /** Items that left this folder (deleted or moved), so SyncFolderItems can report Delete. */
  tombstones: Tombstone[];
}

export interface Tombstone {
  readonly itemId: string;
  /** When it left the folder. */
  readonly leftAt: number;
  /** When it had entered the folder: a client synced before that never saw it, so needs no Delete. */
  readonly enteredAt: number;
  /** Its latest change before it left (absent in older saved states): whether a sync in progress had reported it. */
  readonly lastChange?: number;
}

/** A folder that was deleted, so SyncFolderHierarchy can report Delete. */
export interface FolderTombstone {
  readonly folderId: string;
  /** Its parent, grandparent, ... when deleted: whether a hierarchy sync's scope held it. */
  readonly ancestorKeys: readonly number[];
  readonly leftAt: number;
  readonly createdAt: number;
}
