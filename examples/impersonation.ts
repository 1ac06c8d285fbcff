/**
 * Impersonation: one service account acts in other users' mailboxes (the account needs the
 * ApplicationImpersonation role). Each call carries the ExchangeImpersonation SOAP header; Exchange 2013
 * and later also want the X-AnchorMailbox HTTP header naming the same mailbox, which the client sets from
 * an SMTP impersonation by itself (pass the header for a `sid` or `principalName`).
 *
 *   npx ts-node examples/impersonation.ts
 */
import { ItemBatches, findItems, type CallOptions, type ExchangeClient } from 'typed-ews';
import { runExample } from './connect';

/** Call options that act as `smtpAddress`. */
export function actingAs(smtpAddress: string): CallOptions {
  return { impersonation: { smtpAddress } };
}

/** Each sender sends `recipient` a message from their own mailbox; then the recipient's inbox is read as the recipient. */
export async function sendAsEachUser(client: ExchangeClient, senders: readonly string[], recipient: string) {
  const batches = new ItemBatches(client);
  for (const sender of senders) {
    await batches.createItems(
      [{ $el: 'Message', Subject: `Hello from ${sender}`, ToRecipients: [{ EmailAddress: recipient }], Body: { BodyType: 'Text', $value: 'Hi' } }],
      { messageDisposition: 'SendAndSaveCopy', ...actingAs(sender) },
    );
  }
  const inbox = await findItems(client, { folder: 'inbox', view: { pageSize: 10 }, callOptions: actingAs(recipient) });
  return inbox.items.map((item) => item.Subject);
}

if (require.main === module) runExample((client) => sendAsEachUser(client, ['bob@contoso.com', 'carol@contoso.com'], 'alice@contoso.com'));
