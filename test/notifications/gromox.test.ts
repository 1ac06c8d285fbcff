/**
 * gromox answers GetEvents with `m:x` where m:GetEventsResponseMessage belongs: the pull iterator
 * says so (a Diagnostic) and reads its events, never reporting "no events"; an answer with no
 * message at all is an error. Served by a canned transport replaying gromox's recorded answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ExchangeClient } from '../../src/client/exchange-client';
import { EwsMalformedResponseError } from '../../src/client/errors';
import type { Transport, TransportRequest } from '../../src/client/transport';
import { pullNotifications, type NotificationEvent } from '../../src/notifications';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/notifications', name), 'utf8');
const UNSUBSCRIBE = '<?xml version="1.0"?><SOAP:Envelope xmlns:SOAP="http://schemas.xmlsoap.org/soap/envelope/"><SOAP:Body>'
  + '<m:UnsubscribeResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:ResponseMessages>'
  + '<m:UnsubscribeResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:UnsubscribeResponseMessage>'
  + '</m:ResponseMessages></m:UnsubscribeResponse></SOAP:Body></SOAP:Envelope>';

function cannedServer(getEvents: string): Transport & { readonly sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(request: TransportRequest) {
      const action = request.soapAction!.split('/').pop()!;
      sent.push(action);
      const body = action === 'Subscribe' ? fixture('gromox-Subscribe-pull.xml') : action === 'GetEvents' ? getEvents : UNSUBSCRIBE;
      return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: Readable.from([Buffer.from(body)]), requestSent: true };
    },
  };
}

async function firstEvents(client: ExchangeClient, count: number, watermark?: string): Promise<NotificationEvent[]> {
  const events: NotificationEvent[] = [];
  for await (const event of pullNotifications(client, { watermark, pollIntervalMs: 1 })) {
    events.push(event);
    if (events.length === count) break;
  }
  return events;
}

describe('pull notifications against gromox', () => {
  it('reports the m:x answer as a Diagnostic and still yields its five Created events', async () => {
    const transport = cannedServer(fixture('gromox-GetEvents-m-x.xml'));
    const client = new ExchangeClient({ url: 'http://gromox.invalid/EWS/Exchange.asmx', transport });
    const events = await firstEvents(client, 6, 'AQAAAAoAAAA=');
    expect(events[0]).toEqual({ kind: 'Diagnostic', message: expect.stringContaining('<m:x> where m:GetEventsResponseMessage belongs') });
    expect(events.slice(1).map((event) => event.kind)).toEqual(['Created', 'Created', 'Created', 'Created', 'Created']);
    expect(events[1]).toMatchObject({ subscriptionId: 'AQAAAAoAAAA=', itemId: { Id: expect.stringMatching(/^AAAAAB3vsFNh/) }, parentFolderId: { Id: expect.any(String) } });
    expect(transport.sent).toEqual(['Subscribe', 'GetEvents', 'Unsubscribe']);
  });

  it('fails clearly, rather than reporting no events, when the answer holds no response message at all', async () => {
    const empty = fixture('gromox-GetEvents-m-x.xml').replace(/<m:x[\s\S]*<\/m:x>/, '');
    const client = new ExchangeClient({ url: 'http://gromox.invalid/EWS/Exchange.asmx', transport: cannedServer(empty) });
    const failure = await firstEvents(client, 1, 'AQAAAAoAAAA=').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EwsMalformedResponseError);
    expect((failure as Error).message).toContain('GetEvents answered without its one m:GetEventsResponseMessage');
  });

  it('fails clearly when the server gives no watermark to poll from and none was passed', async () => {
    const client = new ExchangeClient({ url: 'http://gromox.invalid/EWS/Exchange.asmx', transport: cannedServer(fixture('gromox-GetEvents-m-x.xml')) });
    await expect(firstEvents(client, 1)).rejects.toThrow(/no Watermark and GetEvents needs one/);
  });
});
