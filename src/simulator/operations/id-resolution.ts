/**
 * From the ids in a request to stored objects. A malformed id raises ErrorInvalidIdMalformed, a
 * well-formed id of nothing ErrorItemNotFound / ErrorFolderNotFound, as Exchange tells them apart.
 */
import type * as t from '../../../generated/types';
import { decodeFolderId, decodeItemId, type ItemIdParts } from '../store/ids';
import type { Mailbox } from '../store/mailbox';
import type { StoredFolder, StoredItem } from '../store/records';
import { isRecurringMaster, occurrenceAt, occurrenceByIndex } from './calendar-series';
import type { OperationContext } from './context';
import { ResponseError } from './errors';
import type { Occurrence } from './recurrence';

export interface ItemRef {
  readonly mailbox: Mailbox;
  readonly item: StoredItem;
  /** Set when the id names one occurrence of the recurring master `item`. */
  readonly occurrence?: Occurrence;
}

export interface FolderRef {
  readonly mailbox: Mailbox;
  readonly folder: StoredFolder;
}

type BaseItemId = t.NonEmptyArrayOfBaseItemIdsTypeEntry;

export function resolveItem(context: OperationContext, id: BaseItemId | t.ItemIdType): ItemRef {
  const entry = id as Partial<BaseItemId> & Record<string, unknown>;
  if (entry.$el === 'OccurrenceItemId') {
    const master = itemById(context, decodeItemId(String(entry.RecurringMasterId)));
    const occurrence = isRecurringMaster(master.item) ? occurrenceByIndex(master.item, Number(entry.InstanceIndex)) : undefined;
    if (!occurrence) throw new ResponseError('ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange');
    return { ...master, occurrence };
  }
  if (entry.$el === 'RecurringMasterItemId') {
    const { mailbox, item } = resolveItem(context, { Id: String(entry.OccurrenceId) });
    return { mailbox, item };
  }
  return itemById(context, decodeItemId(String(entry.Id)));
}

/** The item named by decoded id parts (also used for the parent part of attachment ids). */
export function itemById(context: OperationContext, parts: ItemIdParts): ItemRef {
  const mailbox = context.state.mailboxByGuid(parts.mailboxGuid);
  const item = mailbox?.item(parts.itemKey);
  // An id names the folder too: after a move, the old id no longer finds the item.
  if (!mailbox || !item || item.folderKey !== parts.folderKey) throw new ResponseError('ErrorItemNotFound');
  if (parts.occurrenceStart === undefined) return { mailbox, item };
  const occurrence = isRecurringMaster(item) ? occurrenceAt(item, parts.occurrenceStart) : undefined;
  if (!occurrence) throw new ResponseError('ErrorItemNotFound');
  return { mailbox, item, occurrence };
}

/** A folder named by t:FolderId or t:DistinguishedFolderId (optionally in another mailbox). */
export function resolveFolder(context: OperationContext, id: t.NonEmptyArrayOfBaseFolderIdsTypeEntry | t.TargetFolderIdType): FolderRef {
  const choice = id as { $el?: string; Id?: string; Mailbox?: t.EmailAddressType; FolderId?: t.FolderIdType; DistinguishedFolderId?: t.DistinguishedFolderIdType };
  if (choice.FolderId) return folderById(context, choice.FolderId.Id);
  if (choice.DistinguishedFolderId) return distinguished(context, choice.DistinguishedFolderId);
  if (choice.$el === 'FolderId') return folderById(context, String(choice.Id));
  if (choice.$el === 'DistinguishedFolderId') return distinguished(context, choice as t.DistinguishedFolderIdType);
  throw new ResponseError('ErrorFolderNotFound');
}

function folderById(context: OperationContext, id: string): FolderRef {
  const parts = decodeFolderId(id);
  const mailbox = context.state.mailboxByGuid(parts.mailboxGuid);
  const folder = mailbox?.folder(parts.folderKey);
  if (!mailbox || !folder) throw new ResponseError('ErrorFolderNotFound');
  return { mailbox, folder };
}

function distinguished(context: OperationContext, id: t.DistinguishedFolderIdType): FolderRef {
  const address = id.Mailbox?.EmailAddress;
  const mailbox = address ? context.state.mailbox(address) : context.mailbox;
  if (!mailbox) throw new ResponseError('ErrorNonExistentMailbox', `The SMTP address has no mailbox associated with it.`);
  const folder = mailbox.distinguishedFolder(id.Id);
  if (!folder) throw new ResponseError('ErrorFolderNotFound');
  return { mailbox, folder };
}
