import { readFileSync } from 'node:fs';
import path from 'node:path';
import { autodiscoverSchema } from '../../src/autodiscover/schema';
import { poxAnswer, poxRequestBody } from '../../src/autodiscover/pox';
import { readSoapAnswer, soapRequestBody } from '../../src/autodiscover/soap';
import type { PoxResponseDocument } from '../../src/autodiscover/messages';
import { exchangeVersionOf, newestSupportedSchema, parseDottedServerVersion, parseHexServerVersion } from '../../src/autodiscover/server-version';
import { readElement, readEnvelope } from '../../src/runtime';

const fixtures = path.join(__dirname, '../fixtures/autodiscover');
const gromoxResponse = readFileSync(path.join(fixtures, 'gromox-pox-response.xml'));
const gromoxRequest = readFileSync(path.join(fixtures, 'gromox-pox-request.xml'));

describe('POX Autodiscover messages', () => {
  it('writes the request gromox accepted: same elements and values, read back through the descriptors', () => {
    const ours = readElement(autodiscoverSchema, poxRequestBody('alice@example.test'), 'pq:Autodiscover');
    const theirs = readElement(autodiscoverSchema, gromoxRequest, 'pq:Autodiscover');
    expect(ours).toEqual(theirs);
    expect(ours).toEqual({ Request: { EMailAddress: 'alice@example.test', AcceptableResponseSchema: 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a' } });
  });

  it("reads gromox's real answer into the EWS URL, the mailbox, and version 15.0.847 (Exchange2013_SP1)", () => {
    const document = readElement<PoxResponseDocument>(autodiscoverSchema, gromoxResponse, 'pr:Autodiscover');
    const answer = poxAnswer(document, 'alice@example.test', 'external');
    expect(answer).toEqual({
      kind: 'settings',
      settings: {
        ewsUrl: 'https://vm/EWS/Exchange.asmx',
        externalEwsUrl: 'https://vm/EWS/Exchange.asmx',
        internalEwsUrl: 'https://vm/EWS/Exchange.asmx',
        smtpAddress: 'alice@example.test',
        anchorMailbox: 'alice@example.test',
        displayName: 'Alice Example',
        serverVersion: '15.0.847',
        exchangeVersion: 'Exchange2013_SP1',
      },
    });
  });

  it('keeps what it does not model (gromox PublicFolderInformation, OABUrl…) as unknown content instead of failing', () => {
    const document = readElement<{ Response: { Account: { $unknown?: string[] } } }>(autodiscoverSchema, gromoxResponse, 'pr:Autodiscover');
    expect(document.Response.Account.$unknown?.some((xml) => xml.includes('PublicFolderInformation'))).toBe(true);
  });

  it('reads redirectAddr and redirectUrl actions, the EXCH/EXPR split, TTL hours, and both error shapes', () => {
    expect(poxAnswer({ Response: { Account: { Action: 'redirectAddr', RedirectAddr: ' bob@fabrikam.com ' } } }, 'a@b.c', 'external'))
      .toEqual({ kind: 'redirectAddr', email: 'bob@fabrikam.com' });
    expect(poxAnswer({ Response: { Account: { Action: 'redirectUrl', RedirectUrl: 'https://x.b.c/autodiscover/autodiscover.xml' } } }, 'a@b.c', 'external'))
      .toEqual({ kind: 'redirectUrl', url: 'https://x.b.c/autodiscover/autodiscover.xml' });
    const split: PoxResponseDocument = { Response: { Account: { Action: 'settings', Protocol: [
      { Type: 'EXCH', EwsUrl: 'https://inside/EWS/Exchange.asmx', TTL: '2' },
      { Type: 'EXPR', EwsUrl: 'https://outside/EWS/Exchange.asmx' },
    ] } } };
    expect(poxAnswer(split, 'a@b.c', 'external')).toMatchObject({ settings: { ewsUrl: 'https://outside/EWS/Exchange.asmx', ttlMs: 7_200_000 } });
    expect(poxAnswer(split, 'a@b.c', 'internal')).toMatchObject({ settings: { ewsUrl: 'https://inside/EWS/Exchange.asmx' } });
    expect(poxAnswer({ ErrorResponse: { Error: { ErrorCode: '600', Message: 'Invalid Request' } } }, 'a@b.c', 'external'))
      .toEqual({ kind: 'error', code: '600', message: 'Invalid Request' });
    expect(poxAnswer({ Response: { Account: { Action: 'settings', Protocol: [{ Type: 'WEB' }] } } }, 'a@b.c', 'external'))
      .toMatchObject({ kind: 'error', code: 'NoEwsUrl' });
  });
});

describe('SOAP GetUserSettings messages', () => {
  it('writes the documented envelope: RequestedServerVersion, WS-Addressing Action and To, one user and the settings asked', () => {
    const envelope = soapRequestBody('alice@contoso.com', 'https://contoso.com/autodiscover/autodiscover.svc').toString('utf8');
    const read = readEnvelope(autodiscoverSchema, envelope);
    expect(read.headers).toEqual({
      'a:RequestedServerVersion': 'Exchange2010',
      'wsa:Action': 'http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings',
      'wsa:To': 'https://contoso.com/autodiscover/autodiscover.svc',
    });
    expect(read.body).toEqual({
      element: 'a:GetUserSettingsRequestMessage',
      value: { Request: { Users: [{ Mailbox: 'alice@contoso.com' }], RequestedSettings: ['UserDisplayName', 'AutoDiscoverSMTPAddress', 'CasVersion', 'EwsSupportedSchemas', 'ExternalEwsUrl', 'InternalEwsUrl'] } },
    });
  });

  const envelope = (userResponse: string): string => '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>'
    + '<GetUserSettingsResponseMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover">'
    + '<Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><ErrorCode>NoError</ErrorCode><ErrorMessage/>'
    + `<UserResponses><UserResponse>${userResponse}</UserResponse></UserResponses></Response></GetUserSettingsResponseMessage></s:Body></s:Envelope>`;
  const setting = (name: string, value: string): string => `<UserSetting i:type="StringSetting"><Name>${name}</Name><Value>${value}</Value></UserSetting>`;

  it('reads the settings, ignores setting types it did not ask for, and takes the newest supported schema as the version', async () => {
    const xml = envelope('<ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage><RedirectTarget i:nil="true"/><UserSettingErrors/><UserSettings>'
      + setting('CasVersion', '14.02.0247.005') + setting('EwsSupportedSchemas', 'Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2')
      + setting('ExternalEwsUrl', 'https://mail.contoso.com/EWS/Exchange.asmx') + setting('UserDisplayName', 'Alice')
      + '<UserSetting i:type="WebClientUrlCollectionSetting"><Name>ExternalWebClientUrls</Name><WebClientUrls/></UserSetting>'
      + '</UserSettings>');
    await expect(readSoapAnswer([Buffer.from(xml)] as never, 'alice@contoso.com', 'external')).resolves.toEqual({
      kind: 'settings',
      settings: {
        ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx', externalEwsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx',
        smtpAddress: 'alice@contoso.com', anchorMailbox: 'alice@contoso.com', displayName: 'Alice',
        serverVersion: '14.2.247', exchangeVersion: 'Exchange2010_SP2',
      },
    });
  });

  it('reads RedirectAddress and RedirectUrl user responses, and an InvalidUser error', async () => {
    const read = (body: string) => readSoapAnswer([Buffer.from(envelope(body))] as never, 'a@b.c', 'external');
    await expect(read('<ErrorCode>RedirectAddress</ErrorCode><RedirectTarget>alice@fabrikam.com</RedirectTarget>')).resolves.toEqual({ kind: 'redirectAddr', email: 'alice@fabrikam.com' });
    await expect(read('<ErrorCode>RedirectUrl</ErrorCode><RedirectTarget>https://x.b.c/autodiscover/autodiscover.svc</RedirectTarget>')).resolves.toEqual({ kind: 'redirectUrl', url: 'https://x.b.c/autodiscover/autodiscover.svc' });
    await expect(read("<ErrorCode>InvalidUser</ErrorCode><ErrorMessage>Invalid user: 'a@b.c'</ErrorMessage>")).resolves.toEqual({ kind: 'error', code: 'InvalidUser', message: "Invalid user: 'a@b.c'" });
  });
});

describe('server versions', () => {
  it('decodes the POX hex encoding (gromox 73C0834F = 15.0.847) and rejects what is not 8 hex digits', () => {
    expect(parseHexServerVersion('73C0834F')).toEqual({ major: 15, minor: 0, build: 847 });
    expect(parseHexServerVersion('738180DA')).toEqual({ major: 14, minor: 1, build: 218 });
    expect(parseHexServerVersion('15.0')).toBeUndefined();
    expect(parseDottedServerVersion('15.01.2507.006')).toEqual({ major: 15, minor: 1, build: 2507 });
  });

  it('maps builds to the newest RequestServerVersion they accept', () => {
    expect(exchangeVersionOf({ major: 8, minor: 3, build: 83 })).toBe('Exchange2007_SP1');
    expect(exchangeVersionOf({ major: 14, minor: 0, build: 639 })).toBe('Exchange2010');
    expect(exchangeVersionOf({ major: 15, minor: 0, build: 516 })).toBe('Exchange2013');
    expect(exchangeVersionOf({ major: 15, minor: 2, build: 1118 })).toBe('Exchange2016');
    expect(exchangeVersionOf({ major: 6, minor: 5, build: 1 })).toBeUndefined();
    expect(newestSupportedSchema('Exchange2007, Exchange2013_SP1, Exchange2010')).toBe('Exchange2013_SP1');
    expect(newestSupportedSchema('Exchange2099')).toBeUndefined();
  });
});
