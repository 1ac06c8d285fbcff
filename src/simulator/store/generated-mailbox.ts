/**
 * A large mailbox made up in the store, for benchmarks and demos: N messages in a folder, every K-th with
 * a file attachment of M bytes whose content is generated when read (generated-content.ts), so the
 * simulator can hold and serve 100,000 items with 10,000 attachments of 5 MB in a few hundred MB.
 */
import type { Mailbox } from './mailbox';
import type { StoredItem } from './records';

export interface GeneratedMessages {
  readonly count: number;
  /** Every `attachmentEvery`-th message (0, K, 2K…) carries an attachment; 0 for none. */
  readonly attachmentEvery?: number;
  readonly attachmentBytes?: number;
  /** A distinguished folder name; `inbox` by default. */
  readonly folder?: string;
}

export function addGeneratedMessages(mailbox: Mailbox, options: GeneratedMessages): StoredItem[] {
  const folder = mailbox.distinguishedFolder(options.folder ?? 'inbox');
  if (!folder) throw new Error(`the mailbox has no folder ${options.folder ?? 'inbox'}`);
  const every = options.attachmentEvery ?? 0;
  const size = options.attachmentBytes ?? 0;
  const items: StoredItem[] = [];
  for (let i = 0; i < options.count; i++) {
    const item = mailbox.addItem('Message', {
      Subject: `generated ${i}`, Body: { BodyType: 'Text', $value: `Body ${i} `.repeat(40) }, IsRead: false,
    }, folder.key);
    if (every > 0 && size > 0 && i % every === 0) {
      item.attachments.push({
        key: mailbox.allocateKey(), element: 'FileAttachment', generated: { seed: item.key, size },
        data: { Name: `generated-${i}.bin`, ContentType: 'application/octet-stream', Size: size, IsInline: false, IsContactPhoto: false, LastModifiedTime: mailbox.now() },
      });
      mailbox.recordChange(item, ['Attachments']);
    }
    items.push(item);
  }
  return items;
}
