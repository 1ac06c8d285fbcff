// An app that validates its requests, to be bundled by esbuild and run where typed-ews is not installed.
import { EwsRequestValidationError, ExchangeClient, XsdValidator, basicAuth } from 'typed-ews';
import { startSimulator } from 'typed-ews/simulator';

/** `libxml2Module`: where the bundle's deployment copied node_modules/libxml2-wasm/lib (its index.mjs). */
export async function run(libxml2Module: string | URL): Promise<void> {
  XsdValidator.setSharedOptions({ libxml2Module });
  // The simulator validates every request it receives with the same shared validator.
  const sim = await startSimulator({ users: [{ username: 'u@contoso.com', password: 'p' }] });
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth('u@contoso.com', 'p'), validateRequests: true });
  const meeting = (Start: string) => ({ $el: 'CalendarItem' as const, Subject: 'sync', Start, End: '2026-11-24T09:30:00Z' });
  try {
    const created = await client.call('CreateItem', { SendMeetingInvitations: 'SendToNone', Items: [meeting('2026-11-24T09:00:00Z')] });
    // 30 February passes the writer's lexical check; only the schema refuses it.
    const refused = await client.call('CreateItem', { SendMeetingInvitations: 'SendToNone', Items: [meeting('2026-02-30T09:00:00Z')] })
      .then(() => [], (error: unknown) => (error instanceof EwsRequestValidationError ? error.problems : [String(error)]));
    console.log(JSON.stringify({ created: created.responseMessages.map((message) => message.responseClass), refused }));
  } finally {
    client.close();
    await sim.close();
  }
}
