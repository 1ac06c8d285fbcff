/** The README's notification examples, type-checked by `npm run typecheck` (test/docs/readme.test.ts compares them). */
import { ExchangeClient, PushNotificationListener, pullNotifications, streamNotifications, subscribePush } from '../../src';

declare const client: ExchangeClient;
declare const handle: (itemId: string | undefined) => void;
declare const resync: () => Promise<void>;

// README-PULL-BEGIN
export async function pullExample(signal: AbortSignal): Promise<void> {
  for await (const event of pullNotifications(client, { folders: ['inbox'], pollIntervalMs: 10_000, signal })) {
    if (event.kind === 'NewMail' || event.kind === 'Created') handle(event.itemId?.Id);
    else if (event.kind === 'Resync' && event.eventsMayBeLost) await resync(); // SyncFolderItems
    else if (event.kind === 'Diagnostic') console.warn(event.message); // e.g. gromox's <m:x>
  }
}
// README-PULL-END

// README-STREAM-BEGIN
export async function streamingExample(signal: AbortSignal): Promise<void> {
  const events = streamNotifications(client, {
    subscriptions: [{ folders: ['inbox', 'calendar'] }, { folders: 'all', impersonation: { smtpAddress: 'bob@contoso.com' } }],
    anchorMailbox: 'alice@contoso.com', connectionTimeoutMinutes: 30, heartbeatIntervalMs: 60_000, signal,
  });
  for await (const event of events) {
    if ('timeStamp' in event) console.log(event.kind, event.itemId?.Id ?? event.folderId?.Id, event.watermark);
    else if (event.kind === 'Disconnected') console.warn(`${event.reason}: retry in ${event.retryInMs} ms`);
  }
}
// README-STREAM-END

// README-PUSH-BEGIN
export async function pushExample(signal: AbortSignal): Promise<void> {
  const listener = new PushNotificationListener(); // or mount listener.handler in your HTTPS server
  const url = await listener.listen(8443, '0.0.0.0');
  await subscribePush(client, { url, folders: ['inbox'], statusFrequencyMinutes: 5 });
  for await (const event of listener.events(signal)) {
    if (event.kind === 'NewMail') handle(event.itemId?.Id);
  }
  await listener.close(); // later SendNotifications get Unsubscribe
}
// README-PUSH-END
