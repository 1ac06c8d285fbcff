/** The simulator's in-memory store: mailboxes, folders, items and their ids. */
export { SimulatorState } from './state';
export type { MailboxSpec, SimulatorSnapshot, SimulatorStateOptions } from './state';
export { Mailbox } from './mailbox';
export type { MailboxIdentity, MailboxSnapshot } from './mailbox';
export { ManualClock, systemClock, ewsDateTime } from './clock';
export type { Clock } from './clock';
export { MalformedIdError } from './ids';
export type { StoredAttachment, StoredFolder, StoredItem, ItemData, ItemElement, FolderElement } from './records';
