/**
 * Facts about kinds of items and folders: item classes, change-key kinds, default folders, and the
 * distinguished folders every mailbox starts with (names and classes as Exchange has them).
 */
import type * as t from '../../../generated/types';
import type { ChangeKeyKind } from './ids';
import type { FolderElement, ItemElement, ServedItemElement } from './records';

// The index signature: an SDK generated from an older release's schema has fewer item elements; one from
// Exchange 2016's has more, which the simulator does not serve.
export const DEFAULT_ITEM_CLASS: Readonly<Record<ServedItemElement, string>> & Readonly<Record<string, string>> = {
  Item: 'IPM',
  Message: 'IPM.Note',
  SharingMessage: 'IPM.Sharing',
  CalendarItem: 'IPM.Appointment',
  Contact: 'IPM.Contact',
  DistributionList: 'IPM.DistList',
  MeetingMessage: 'IPM.Schedule.Meeting',
  MeetingRequest: 'IPM.Schedule.Meeting.Request',
  MeetingResponse: 'IPM.Schedule.Meeting.Resp.Pos',
  MeetingCancellation: 'IPM.Schedule.Meeting.Canceled',
  Task: 'IPM.Task',
  PostItem: 'IPM.Post',
  RoleMember: 'IPM.RoleMember',
  Network: 'IPM.Network',
  Person: 'IPM.AbchPerson',
};

/** Every item element, in schema order: the properties a SetItemField or an ItemAttachment may carry its item in. */
export const ITEM_ELEMENTS = Object.keys(DEFAULT_ITEM_CLASS) as readonly ItemElement[];

export function changeKeyKindOf(element: ItemElement): ChangeKeyKind {
  switch (element as string) { // Person is Exchange 2013's
    case 'CalendarItem': return 'calendar';
    case 'Contact': case 'DistributionList': case 'Person': return 'contact';
    case 'Task': return 'task';
    default: return 'message';
  }
}

/** Where CreateItem saves an item when the request names no folder. */
export function defaultFolderOf(element: ItemElement): t.DistinguishedFolderIdNameType {
  switch (element) {
    case 'CalendarItem': return 'calendar';
    case 'Contact': case 'DistributionList': return 'contacts';
    case 'Task': return 'tasks';
    default: return 'drafts';
  }
}

export interface FolderSpec {
  readonly id: t.DistinguishedFolderIdNameType;
  readonly parent: t.DistinguishedFolderIdNameType | null;
  readonly displayName: string;
  readonly element: FolderElement;
  readonly folderClass: string;
}

// Plain strings: older releases' schemas lack some of these folder names.
const folder = (id: string, parent: string | null, displayName: string,
  folderClass = 'IPF.Note', element: FolderElement = 'Folder'): FolderSpec => ({ id: id as FolderSpec['id'], parent: parent as FolderSpec['parent'], displayName, element, folderClass });

/** Parents before children, so a mailbox can create them in order. */
export const DISTINGUISHED_FOLDERS: readonly FolderSpec[] = [
  folder('root', null, '', ''),
  folder('msgfolderroot', 'root', 'Top of Information Store'),
  folder('inbox', 'msgfolderroot', 'Inbox'),
  folder('calendar', 'msgfolderroot', 'Calendar', 'IPF.Appointment', 'CalendarFolder'),
  folder('contacts', 'msgfolderroot', 'Contacts', 'IPF.Contact', 'ContactsFolder'),
  folder('tasks', 'msgfolderroot', 'Tasks', 'IPF.Task', 'TasksFolder'),
  folder('drafts', 'msgfolderroot', 'Drafts'),
  folder('sentitems', 'msgfolderroot', 'Sent Items'),
  folder('deleteditems', 'msgfolderroot', 'Deleted Items'),
  folder('outbox', 'msgfolderroot', 'Outbox'),
  folder('junkemail', 'msgfolderroot', 'Junk Email'),
  folder('notes', 'msgfolderroot', 'Notes', 'IPF.StickyNote'),
  folder('journal', 'msgfolderroot', 'Journal', 'IPF.Journal'),
  folder('conversationhistory', 'msgfolderroot', 'Conversation History'),
  folder('searchfolders', 'root', 'Finder', ''),
  folder('recoverableitemsroot', 'root', 'Recoverable Items', ''),
  folder('recoverableitemsdeletions', 'recoverableitemsroot', 'Deletions', ''),
  folder('recoverableitemsversions', 'recoverableitemsroot', 'Versions', ''),
  folder('recoverableitemspurges', 'recoverableitemsroot', 'Purges', ''),
];

/** The folder class a new folder gets when CreateFolder names none. */
export const DEFAULT_FOLDER_CLASS: Readonly<Record<FolderElement, string>> = {
  Folder: 'IPF.Note',
  CalendarFolder: 'IPF.Appointment',
  ContactsFolder: 'IPF.Contact',
  TasksFolder: 'IPF.Task',
  SearchFolder: 'IPF.Note',
};
