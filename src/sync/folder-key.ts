/** The name a folder's checkpoint is filed under: its distinguished name (with the mailbox, when another's) or its FolderId. */
import { folderEntry, type FolderRef } from '../schema/folders';

export function folderKeyOf(folder: FolderRef): string {
  const entry = folderEntry(folder);
  if (entry.$el === 'FolderId') return entry.Id;
  const mailbox = entry.Mailbox?.EmailAddress;
  return mailbox ? `${entry.Id}@${mailbox.toLowerCase()}` : entry.Id;
}
