/**
 * t:MimeContent for IncludeMimeContent: a plain RFC 5322 rendering of the item (headers and one body
 * part), base64-encoded as EWS sends it. Enough for clients that archive or forward raw MIME.
 */
import type * as t from '../../../generated/types';
import type { ItemData } from '../store/records';

export function mimeContentOf(data: ItemData): t.MimeContentType {
  const headers: string[] = [];
  const address = (mailbox: t.EmailAddressType) => (mailbox.Name ? `"${mailbox.Name}" <${mailbox.EmailAddress ?? ''}>` : `<${mailbox.EmailAddress ?? ''}>`);
  if (data.From) headers.push(`From: ${address(data.From.Mailbox)}`);
  if (data.ToRecipients?.length) headers.push(`To: ${data.ToRecipients.map(address).join(', ')}`);
  if (data.CcRecipients?.length) headers.push(`Cc: ${data.CcRecipients.map(address).join(', ')}`);
  headers.push(`Subject: ${data.Subject ?? ''}`);
  if (data.DateTimeSent) headers.push(`Date: ${new Date(data.DateTimeSent).toUTCString()}`);
  if (data.InternetMessageId) headers.push(`Message-ID: ${data.InternetMessageId}`);
  const html = data.Body?.BodyType === 'HTML';
  headers.push('MIME-Version: 1.0', `Content-Type: ${html ? 'text/html' : 'text/plain'}; charset="utf-8"`, 'Content-Transfer-Encoding: 8bit');
  const message = `${headers.join('\r\n')}\r\n\r\n${data.Body?.$value ?? ''}`;
  return { CharacterSet: 'UTF-8', $value: Buffer.from(message, 'utf8').toString('base64') };
}
