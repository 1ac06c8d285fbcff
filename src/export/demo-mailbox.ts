/** Messages for the simulator run of `typed-ews export`: plain mail in the inbox and drafts, every tenth with a small attachment. */
import { ItemBatches } from '../batch/item-batches';
import type { ExchangeClient } from '../client/exchange-client';

export async function seedDemoMailbox(client: ExchangeClient, count: number): Promise<void> {
  const batches = new ItemBatches(client, { batchSize: 100 });
  const attachment = Buffer.from('Quarterly figures, as discussed.\n'.repeat(64)).toString('base64');
  const messages = Array.from({ length: count }, (_, i) => ({
    $el: 'Message' as const,
    Subject: `Demo message ${i + 1}`,
    Body: { BodyType: 'Text' as const, $value: `Body of demo message ${i + 1}.` },
    ...(i % 10 === 0 && { Attachments: [{ $el: 'FileAttachment' as const, Name: `figures-${i + 1}.txt`, Content: attachment }] }),
  }));
  const half = Math.ceil(count / 2);
  await batches.createItems(messages.slice(0, half), { messageDisposition: 'SaveOnly', savedItemFolderId: 'inbox' });
  await batches.createItems(messages.slice(half), { messageDisposition: 'SaveOnly', savedItemFolderId: 'drafts' });
}
