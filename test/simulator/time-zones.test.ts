/** The simulator refuses time zones that are no Windows id, as Exchange does, so users' tests catch an IANA name. */
import { basicAuth } from '../../src/client/auth';
import { EwsSoapFaultError } from '../../src/client/errors';
import { ExchangeClient } from '../../src/client/exchange-client';
import { startSimulator, type RunningSimulator } from '../../src/simulator';

const ALICE = { username: 'alice@contoso.com', password: 'Simulator-1' };
let sim: RunningSimulator;
let client: ExchangeClient;

beforeAll(async () => {
  sim = await startSimulator({ users: [ALICE] });
  client = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password) });
});
afterAll(async () => {
  client.close();
  await sim.close();
});

const envelope = (zone: string) => '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"'
  + ' xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">'
  + `<soap:Header><t:RequestServerVersion Version="Exchange2016"/><t:TimeZoneContext><t:TimeZoneDefinition Id="${zone}"/></t:TimeZoneContext></soap:Header>`
  + '<soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>'
  + '<m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder></soap:Body></soap:Envelope>';

const post = (body: string) => fetch(sim.url, {
  method: 'POST', body, headers: { 'content-type': 'text/xml', authorization: `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}` },
});

describe('time zones the simulator accepts', () => {
  it('an IANA name in TimeZoneContext gets the ErrorTimeZone fault naming it', async () => {
    const response = await post(envelope('America/Los_Angeles'));
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).toContain('ErrorTimeZone');
    expect(text).toContain('TimeZoneContext has Id "America/Los_Angeles"');
  });

  it('a Windows id in TimeZoneContext is answered', async () => {
    const response = await post(envelope('Pacific Standard Time'));
    expect(response.status).toBe(200);
  });

  it('a calendar item whose StartTimeZone is an IANA name is refused; with the Windows id it is created', async () => {
    const item = (zone: string) => ({ $el: 'CalendarItem' as const, Subject: 'x', Start: '2026-12-10T09:00:00', End: '2026-12-10T10:00:00', StartTimeZone: { Id: zone } });
    const refused = await client.call('CreateItem', { SendMeetingInvitations: 'SendToNone', Items: [item('Europe/Berlin')] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EwsSoapFaultError);
    expect((refused as EwsSoapFaultError).responseCode).toBe('ErrorTimeZone');
    expect((refused as Error).message).toContain('Items[0].StartTimeZone');
    const created = await client.call('CreateItem', { SendMeetingInvitations: 'SendToNone', Items: [item('W. Europe Standard Time')] });
    expect(created.responseMessages[0].responseCode).toBe('NoError');
  });
});
