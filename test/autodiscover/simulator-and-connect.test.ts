/** The simulator's Autodiscover endpoints, and connectByEmail from an address to a working client. */
import { AutodiscoverError, autodiscoverSchema, connectByEmail } from '../../src/autodiscover';
import { basicAuth } from '../../src/client/auth';
import { AxiosTransport, type Transport, type TransportRequest } from '../../src/client/transport';
import { EwsError } from '../../src/client/errors';
import { readElement, readEnvelope, writeEnvelope } from '../../src/runtime';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { closedOrigin, originOf, router } from './loopback';

const PASSWORD = 'Sim-Secret-1';
const AUTHORIZATION = `Basic ${Buffer.from(`alice@contoso.com:${PASSWORD}`).toString('base64')}`;
const EWS = 'https://mail.contoso.com/EWS/Exchange.asmx';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ users: [{ username: 'alice@contoso.com', password: PASSWORD, displayName: 'Alice Wilson' }], mailboxes: ['bob@contoso.com'], autodiscover: { ewsUrl: EWS } });
});
afterAll(() => sim.close());

function post(path: string, body: string, authorization: string | null = AUTHORIZATION, method = 'POST'): Promise<Response> {
  return fetch(`${originOf(sim.url)}${path}`, { method, body: method === 'POST' ? body : undefined, headers: { 'content-type': 'text/xml', ...(authorization && { authorization }) } });
}

const poxRequest = (email: string, schema = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a'): string =>
  '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">'
  + `<Request><EMailAddress>${email}</EMailAddress><AcceptableResponseSchema>${schema}</AcceptableResponseSchema></Request></Autodiscover>`;

describe('simulator: POX endpoint', () => {
  it('answers a mailbox with its settings: EXCH with the hex server version and TTL, EXPR, both with the EWS URL', async () => {
    const response = await post('/autodiscover/autodiscover.xml', poxRequest('Bob@contoso.com'));
    expect(response.status).toBe(200);
    const document = readElement(autodiscoverSchema, await response.text(), 'pr:Autodiscover');
    expect(document).toEqual({ Response: {
      User: { DisplayName: 'bob', AutoDiscoverSMTPAddress: 'bob@contoso.com' },
      Account: { AccountType: 'email', Action: 'settings', Protocol: [
        { Type: 'EXCH', Server: 'mail.contoso.com', ServerVersion: '73C189CB', TTL: '1', ASUrl: EWS, EwsUrl: EWS },
        { Type: 'EXPR', Server: 'mail.contoso.com', TTL: '1', ASUrl: EWS, EwsUrl: EWS },
      ] },
    } });
  });

  it('answers the documented error codes: 500 unknown address, 601 other response schema, 600 invalid request', async () => {
    const errorOf = async (body: string) => (readElement(autodiscoverSchema, await (await post('/autodiscover/autodiscover.xml', body)).text(), 'pr:Autodiscover') as { ErrorResponse: { Error: { ErrorCode: string } } }).ErrorResponse.Error.ErrorCode;
    expect(await errorOf(poxRequest('nobody@contoso.com'))).toBe('500');
    expect(await errorOf(poxRequest('bob@contoso.com', 'http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006'))).toBe('601');
    expect(await errorOf('<not-autodiscover/>')).toBe('600');
  });

  it('needs the same credentials as EWS and only takes POST', async () => {
    expect((await post('/autodiscover/autodiscover.xml', poxRequest('bob@contoso.com'), null)).status).toBe(401);
    expect((await post('/autodiscover/autodiscover.xml', poxRequest('bob@contoso.com'), 'Basic bm9ib2R5Om5vcGU=')).status).toBe(401);
    expect((await post('/Autodiscover/Autodiscover.xml', '', AUTHORIZATION, 'GET')).status).toBe(405);
  });
});

describe('simulator: SOAP endpoint', () => {
  const request = (mailbox: string, settings: string[]) => writeEnvelope(autodiscoverSchema, {
    headers: [{ element: 'a:RequestedServerVersion', value: 'Exchange2010' }],
    body: { element: 'a:GetUserSettingsRequestMessage', value: { Request: { Users: [{ Mailbox: mailbox }], RequestedSettings: settings } } },
  });

  it('answers the settings asked as StringSettings, and a setting it does not know as an InvalidSetting error', async () => {
    const response = await post('/autodiscover/autodiscover.svc', request('alice@contoso.com', ['UserDisplayName', 'CasVersion', 'EwsSupportedSchemas', 'MobileMailboxPolicy']));
    expect(response.status).toBe(200);
    const { body } = readEnvelope(autodiscoverSchema, await response.text());
    expect(body?.value).toEqual({ Response: { ErrorCode: 'NoError', ErrorMessage: '', UserResponses: [{
      ErrorCode: 'NoError', ErrorMessage: 'No error.', RedirectTarget: null,
      UserSettingErrors: [{ ErrorCode: 'InvalidSetting', ErrorMessage: 'The requested setting is invalid: MobileMailboxPolicy', SettingName: 'MobileMailboxPolicy' }],
      UserSettings: [
        { $type: 'StringSetting', Name: 'UserDisplayName', Value: 'Alice Wilson' },
        { $type: 'StringSetting', Name: 'CasVersion', Value: '15.01.2507.006' },
        { $type: 'StringSetting', Name: 'EwsSupportedSchemas', Value: 'Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, Exchange2013, Exchange2013_SP1, Exchange2016' },
      ],
    }] } });
  });

  it('answers InvalidUser for an unknown mailbox and a SOAP fault for a request that is not GetUserSettings', async () => {
    const { body } = readEnvelope(autodiscoverSchema, await (await post('/autodiscover/autodiscover.svc', request('nobody@contoso.com', ['CasVersion']))).text());
    expect((body?.value as { Response: { UserResponses: { ErrorCode: string }[] } }).Response.UserResponses[0].ErrorCode).toBe('InvalidUser');
    const fault = await post('/autodiscover/autodiscover.svc', '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>');
    expect(fault.status).toBe(500);
    expect(readEnvelope(autodiscoverSchema, await fault.text()).fault).toBeDefined();
  });
});

describe('connectByEmail', () => {
  /** Records what the client sends, then sends it for real. */
  function recording(): { transport: Transport; sent: TransportRequest[]; close(): void } {
    const inner = new AxiosTransport({ auth: basicAuth('alice@contoso.com', PASSWORD) });
    const sent: TransportRequest[] = [];
    return { sent, transport: { send: (request) => { sent.push(request); return inner.send(request); } }, close: () => inner.close() };
  }

  it('gives a client that works: discovered URL, the server version, and X-AnchorMailbox on every request', async () => {
    const routes = router(await closedOrigin());
    routes.route('https://contoso.com', originOf(sim.url));
    routes.route('https://mail.contoso.com', originOf(sim.url));
    const wire = recording();
    const { client, settings } = await connectByEmail('alice@contoso.com', {
      auth: basicAuth('alice@contoso.com', PASSWORD), rewriteConnectUrl: routes.rewrite, cache: false, resolveSrv: async () => [], transport: wire.transport,
    });
    try {
      expect(settings).toMatchObject({ ewsUrl: EWS, exchangeVersion: 'Exchange2016', displayName: 'Alice Wilson' });
      const { responseMessages } = await client.call('GetFolder', { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] });
      expect(responseMessages[0].responseClass).toBe('Success');
      expect(wire.sent[0].url).toBe(`${originOf(sim.url)}/EWS/Exchange.asmx`);
      expect(wire.sent[0].headers['X-AnchorMailbox']).toBe('alice@contoso.com');
      expect(String(wire.sent[0].body)).toContain('Version="Exchange2016"');
    } finally {
      client.close();
      wire.close();
    }
  });

  it('refuses an EWS URL over plain http (the simulator announcing its own loopback URL)', async () => {
    const plain = await startSimulator({ users: [{ username: 'alice@contoso.com', password: PASSWORD }] });
    try {
      const routes = router(await closedOrigin());
      routes.route('https://contoso.com', originOf(plain.url));
      const error = await connectByEmail('alice@contoso.com', { auth: basicAuth('alice@contoso.com', PASSWORD), rewriteConnectUrl: routes.rewrite, cache: false, resolveSrv: async () => [] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EwsError);
      expect(error).not.toBeInstanceOf(AutodiscoverError);
      expect((error as Error).message).toContain('not https');
      expect((error as Error).message).not.toContain(PASSWORD);
    } finally {
      await plain.close();
    }
  });
});
