/**
 * One mailbox: its folder tree, its items and the bookkeeping that gives them Exchange's behaviour —
 * ids that encode the folder, a ChangeKey that changes on every update, LastModifiedTime, Size, and
 * the per-folder history SyncFolderItems reports. Operations change items only through these methods.
 */
import type * as t from '../../../generated/types';
import { changeKeyKindOf, DISTINGUISHED_FOLDERS } from './catalog';
import { type Clock, ewsDateTime } from './clock';
import { encodeAttachmentId, encodeChangeKey, encodeFolderId, encodeItemId, type ItemIdParts } from './ids';
import { refreshDerivedProperties } from './derived-properties';
import type { FolderElement, FolderTombstone, ItemData, ItemElement, StoredFolder, StoredItem } from './records';

export interface MailboxIdentity {
  readonly smtpAddress: string;
  readonly displayName: string;
  /** The mailbox GUID every id of this mailbox carries. */
  readonly guid: string;
}

export interface MailboxSnapshot {
  readonly identity: MailboxIdentity;
  readonly lastKey: number;
  readonly lastChange: number;
  readonly folders: readonly StoredFolder[];
  readonly items: readonly StoredItem[];
  readonly folderTombstones?: readonly FolderTombstone[];
}

/** What changed, as the notification events of EWS see it (src/simulator/operations/notifications). */
export type MailboxChange =
  | { readonly kind: 'Created' | 'Modified' | 'Deleted'; readonly item: StoredItem; readonly folderKey: number }
  | { readonly kind: 'Moved' | 'Copied'; readonly item: StoredItem; readonly folderKey: number; readonly oldItemId: string; readonly oldFolderKey: number }
  | { readonly kind: 'FolderCreated'; readonly folder: StoredFolder };

export class Mailbox {
  /** Called after every change; the notifications journal listens here. */
  onChange: ((change: MailboxChange) => void) | undefined;
  private readonly folders = new Map<number, StoredFolder>();
  private readonly items = new Map<number, StoredItem>();
  private readonly itemKeysByFolder = new Map<number, Set<number>>();
  private readonly distinguished = new Map<string, number>();
  private lastKey = 0;
  private lastChange = 0;
  private readonly deletedFolders: FolderTombstone[] = [];

  constructor(readonly identity: MailboxIdentity, private readonly clock: Clock, snapshot?: MailboxSnapshot) {
    if (snapshot) this.restore(snapshot);
    else for (const spec of DISTINGUISHED_FOLDERS) {
      const parent = spec.parent === null ? null : this.distinguished.get(spec.parent)!;
      this.addFolder(parent, spec.element, spec.displayName, spec.folderClass, spec.id);
    }
  }

  /** The owner as an EWS mailbox (`t:Mailbox` of From, Organizer, ...). */
  get owner(): t.EmailAddressType {
    return { Name: this.identity.displayName, EmailAddress: this.identity.smtpAddress, RoutingType: 'SMTP', MailboxType: 'Mailbox' };
  }

  /** The latest change number: every change to an item or folder takes the next one. */
  get currentChange(): number {
    return this.lastChange;
  }

  now(): string {
    return ewsDateTime(this.clock.now());
  }

  folder(key: number): StoredFolder | undefined {
    return this.folders.get(key);
  }

  /** `string`: the simulator's own folders (recoverableitems…) are names Exchange 2007's schema lacks. */
  distinguishedFolder(id: string): StoredFolder | undefined {
    const key = this.distinguished.get(id);
    return key === undefined ? undefined : this.folders.get(key);
  }

  subfolders(parentKey: number): StoredFolder[] {
    return [...this.folders.values()].filter((folder) => folder.parentKey === parentKey);
  }

  item(key: number): StoredItem | undefined {
    return this.items.get(key);
  }

  itemsIn(folderKey: number): StoredItem[] {
    const keys = this.itemKeysByFolder.get(folderKey);
    return keys ? [...keys].map((key) => this.items.get(key)!) : [];
  }

  itemCount(folderKey: number): number {
    return this.itemKeysByFolder.get(folderKey)?.size ?? 0;
  }

  addFolder(parentKey: number | null, element: FolderElement, displayName: string, folderClass: string,
    distinguishedId?: t.DistinguishedFolderIdNameType): StoredFolder {
    const change = ++this.lastChange;
    const folder: StoredFolder = { key: ++this.lastKey, element, parentKey, displayName, folderClass, changeNumber: change, createdAt: change, tombstones: [] };
    if (distinguishedId) {
      folder.distinguishedId = distinguishedId;
      this.distinguished.set(distinguishedId, folder.key);
    }
    this.folders.set(folder.key, folder);
    this.itemKeysByFolder.set(folder.key, new Set());
    this.onChange?.({ kind: 'FolderCreated', folder });
    return folder;
  }

  /** Folders deleted so far, oldest first (SyncFolderHierarchy's Delete). */
  get folderTombstones(): readonly FolderTombstone[] {
    return this.deletedFolders;
  }

  /** Every folder below `parentKey`, at any depth. */
  descendants(parentKey: number): StoredFolder[] {
    const found = this.subfolders(parentKey);
    for (let i = 0; i < found.length; i++) found.push(...this.subfolders(found[i].key));
    return found;
  }

  /** Moves a folder under another parent: a new ChangeKey (a SyncFolderHierarchy Update). */
  moveFolder(folder: StoredFolder, parentKey: number): void {
    folder.parentKey = parentKey;
    folder.changeNumber = ++this.lastChange;
  }

  /** Removes a folder, its subfolders and all their items for good. */
  removeFolder(folder: StoredFolder): void {
    for (const doomed of [...this.descendants(folder.key).reverse(), folder]) {
      const ancestorKeys: number[] = [];
      for (let key = doomed.parentKey; key !== null; key = this.folders.get(key)?.parentKey ?? null) ancestorKeys.push(key);
      for (const item of this.itemsIn(doomed.key)) {
        this.items.delete(item.key);
        this.onChange?.({ kind: 'Deleted', item, folderKey: doomed.key });
      }
      this.itemKeysByFolder.delete(doomed.key);
      this.folders.delete(doomed.key);
      this.deletedFolders.push({
        folderId: this.folderId(doomed).Id, ancestorKeys, leftAt: ++this.lastChange, createdAt: doomed.createdAt ?? doomed.changeNumber,
      });
    }
  }

  /** Stores a new item: assigns its key, change key and timestamps. `copyOf`: the item it is a copy of. */
  addItem(element: ItemElement, data: ItemData, folderKey: number, copyOf?: StoredItem): StoredItem {
    const change = ++this.lastChange;
    const item: StoredItem = {
      key: ++this.lastKey, element, folderKey, data, changeNumber: change, propertyChanges: {},
      enteredAt: change, contentChangedAt: change, readChangedAt: change, attachments: [],
    };
    const now = this.now();
    data.DateTimeCreated ??= now;
    data.LastModifiedTime = now;
    this.items.set(item.key, item);
    this.itemKeysByFolder.get(folderKey)!.add(item.key);
    this.refresh(item);
    if (copyOf) this.onChange?.({ kind: 'Copied', item, folderKey, oldItemId: encodeItemId(this.itemIdParts(copyOf)), oldFolderKey: copyOf.folderKey });
    else this.onChange?.({ kind: 'Created', item, folderKey });
    return item;
  }

  /** Records that properties of an item changed: a new ChangeKey, LastModifiedTime and sync history. */
  recordChange(item: StoredItem, properties: readonly string[]): void {
    const change = ++this.lastChange;
    item.changeNumber = change;
    for (const property of properties) item.propertyChanges[property] = change;
    if (properties.length === 1 && properties[0] === 'IsRead') item.readChangedAt = change;
    else item.contentChangedAt = change;
    item.data.LastModifiedTime = this.now();
    this.refresh(item);
    this.onChange?.({ kind: 'Modified', item, folderKey: item.folderKey });
  }

  /** Moves an item to another folder; like Exchange, it gets a new id there. */
  moveItem(item: StoredItem, folderKey: number): void {
    const oldItemId = encodeItemId(this.itemIdParts(item));
    const oldFolderKey = item.folderKey;
    this.leaveFolder(item);
    item.folderKey = folderKey;
    item.enteredAt = item.changeNumber = ++this.lastChange;
    this.itemKeysByFolder.get(folderKey)!.add(item.key);
    this.refresh(item);
    this.onChange?.({ kind: 'Moved', item, folderKey, oldItemId, oldFolderKey });
  }

  removeItem(item: StoredItem): void {
    this.leaveFolder(item);
    this.items.delete(item.key);
    this.onChange?.({ kind: 'Deleted', item, folderKey: item.folderKey });
  }

  /** A fresh key for a sub-object (an attachment). */
  allocateKey(): number {
    return ++this.lastKey;
  }

  itemIdParts(item: StoredItem, occurrenceStart?: number): ItemIdParts {
    return { mailboxGuid: this.identity.guid, folderKey: item.folderKey, itemKey: item.key, occurrenceStart };
  }

  itemId(item: StoredItem, occurrenceStart?: number): t.ItemIdType {
    return {
      Id: encodeItemId(this.itemIdParts(item, occurrenceStart)),
      ChangeKey: encodeChangeKey(changeKeyKindOf(item.element), this.identity.guid, item.changeNumber),
    };
  }

  folderId(folder: StoredFolder): t.FolderIdType {
    return { Id: encodeFolderId({ mailboxGuid: this.identity.guid, folderKey: folder.key }), ChangeKey: encodeChangeKey('folder', this.identity.guid, folder.changeNumber) };
  }

  attachmentId(item: StoredItem, attachmentKey: number): string {
    return encodeAttachmentId({ item: this.itemIdParts(item), attachmentKey });
  }

  toJSON(): MailboxSnapshot {
    return {
      identity: this.identity, lastKey: this.lastKey, lastChange: this.lastChange, folders: [...this.folders.values()], items: [...this.items.values()],
      folderTombstones: this.deletedFolders,
    };
  }

  private leaveFolder(item: StoredItem): void {
    const folder = this.folders.get(item.folderKey)!;
    const lastChange = Math.max(item.enteredAt, item.contentChangedAt, item.readChangedAt);
    folder.tombstones.push({ itemId: encodeItemId(this.itemIdParts(item)), leftAt: ++this.lastChange, enteredAt: item.enteredAt, lastChange });
    this.itemKeysByFolder.get(item.folderKey)!.delete(item.key);
  }

  private refresh(item: StoredItem): void {
    item.data.ItemId = this.itemId(item);
    item.data.ParentFolderId = this.folderId(this.folders.get(item.folderKey)!);
    refreshDerivedProperties(item, (key) => this.attachmentId(item, key));
  }

  private restore(snapshot: MailboxSnapshot): void {
    this.lastKey = snapshot.lastKey;
    this.lastChange = snapshot.lastChange;
    this.deletedFolders.push(...(snapshot.folderTombstones ?? []));
    for (const folder of snapshot.folders) {
      this.folders.set(folder.key, folder);
      this.itemKeysByFolder.set(folder.key, new Set());
      if (folder.distinguishedId) this.distinguished.set(folder.distinguishedId, folder.key);
    }
    for (const item of snapshot.items) {
      this.items.set(item.key, item);
      this.itemKeysByFolder.get(item.folderKey)!.add(item.key);
    }
  }
}
