import { PassThrough, Readable } from 'node:stream';
import { ExchangeClient } from '../../src/client/exchange-client';
import {
  EwsAuthenticationError, EwsMalformedResponseError, EwsRequestValidationError, EwsSoapFaultError, EwsUnexpectedResponseError,
} from '../../src/client/errors';
import { basicAuth } from '../../src/client/auth';
import { extractBodyElement, loadFixture } from '../support/corpus';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';
import { RecordingTransport, soapFault, soapResponse } from '../support/soap';
import { readEnvelope } from '../../src/runtime/envelope-reader';
import { schema } from '../../generated/schema';
import { collectGarbage } from '../support/gc';

const getItemRequest = {
  ItemShape: { BaseShape: 'Default' as const },
  ItemIds: [{ $el: 'ItemId' as const, Id: 'AAMkAGI2', ChangeKey: 'DwAAABYA' }, { $el: 'ItemId' as const, Id: 'AAMkAGI3' }],
};

const getItemResponse = soapResponse(`<m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
  <m:ResponseMessages>
    <m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items>
      <t:CalendarItem><t:ItemId Id="AAMkAGI2" ChangeKey="DwAAABYB"/><t:Subject>Planning &amp; review</t:Subject><t:Start>2026-11-23T09:00:00Z</t:Start></t:CalendarItem>
    </m:Items></m:GetItemResponseMessage>
    <m:GetItemResponseMessage ResponseClass="Error"><m:MessageText>The specified object was not found in the store.</m:MessageText><m:ResponseCode>ErrorItemNotFound</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Items/></m:GetItemResponseMessage>
  </m:ResponseMessages>
</m:GetItemResponse>`);

describe('ExchangeClient over HTTP (loopback server)', () => {
  let server: LoopbackServer;
  type Answer = { status: number; body: string; contentType?: string };
  let reply: (body: string) => Answer;

  beforeAll(async () => {
    server = await startLoopbackServer((request, response) => {
      const { status, body, contentType } = reply(request.body);
      response.writeHead(status, { 'content-type': contentType ?? 'text/xml; charset=utf-8' });
      response.end(body);
    });
  });
  afterAll(() => server.close());

  const client = (extra: Partial<ConstructorParameters<typeof ExchangeClient>[0]> = {}) =>
    new ExchangeClient({ url: `${server.url}/EWS/Exchange.asmx`, auth: basicAuth('alice@contoso.com', 'S3cret!pass'), ...extra });

  /** Serves `answer` to one GetItem and returns what the call rejects with. */
  const getItemFailure = (answer: Answer, extra: Parameters<typeof client>[0] = {}) => {
    reply = () => answer;
    return client(extra).call('GetItem', getItemRequest).catch((e) => e);
  };

  it('sends a typed GetItem and returns typed items, response messages and the server version', async () => {
    reply = () => ({ status: 200, body: getItemResponse });
    const ews = client({ timeZone: 'W. Europe Standard Time' });
    const result = await ews.call('GetItem', getItemRequest);
    ews.close();

    const sent = server.requests[server.requests.length - 1];
    expect(sent.headers.soapaction).toBe('"http://schemas.microsoft.com/exchange/services/2006/messages/GetItem"');
    expect(sent.headers.authorization).toBe(`Basic ${Buffer.from('alice@contoso.com:S3cret!pass').toString('base64')}`);
    expect(sent.body).toContain('<t:RequestServerVersion Version="Exchange2013_SP1"/>');
    expect(sent.body).toContain('<t:TimeZoneContext><t:TimeZoneDefinition Id="W. Europe Standard Time"/></t:TimeZoneContext>');

    expect(result.serverVersion).toEqual({ MajorVersion: 15, MinorVersion: 1, MajorBuildNumber: 2507, MinorBuildNumber: 6, Version: 'V2017_07_11' });
    expect(result.responseMessages.map((m) => [m.responseClass, m.responseCode, m.messageText])).toEqual([
      ['Success', 'NoError', undefined],
      ['Error', 'ErrorItemNotFound', 'The specified object was not found in the store.'],
    ]);
    const [first] = result.body.ResponseMessages;
    if (first.$el !== 'GetItemResponseMessage') throw new Error('unexpected message');
    const [item] = first.Items ?? [];
    expect(item).toMatchObject({ $el: 'CalendarItem', Subject: 'Planning & review', Start: '2026-11-23T09:00:00Z' });
  });

  it('turns a SOAP fault (HTTP 500) into EwsSoapFaultError with the schema-validation position', async () => {
    const error = await getItemFailure({
      status: 500,
      body: soapFault('ErrorSchemaValidation', 'The request failed schema validation: The element \'ItemShape\' has invalid child element \'Foo\'.',
        '<t:LineNumber>2</t:LineNumber><t:LinePosition>654</t:LinePosition><t:Violation>The element has invalid child element.</t:Violation>'),
    });
    expect(error).toBeInstanceOf(EwsSoapFaultError);
    expect(error).toMatchObject({ responseCode: 'ErrorSchemaValidation', lineNumber: 2, linePosition: 654, retryable: false });
    expect(error.message).toMatch(/^SOAP fault ErrorSchemaValidation: The request failed schema validation.*\(line 2, position 654\)/);
  });

  it('reports ErrorServerBusy with the back-off the server asks for, as retryable', async () => {
    const error = await getItemFailure({
      status: 500,
      body: soapFault('ErrorServerBusy', 'The server cannot service this request right now. Try again later.',
        '<t:Value Name="BackOffMilliseconds">2500</t:Value>'),
    });
    expect(error).toMatchObject({ name: 'EwsSoapFaultError', responseCode: 'ErrorServerBusy', backOffMilliseconds: 2500, retryable: true });
  });

  it('reports ErrorInvalidServerVersion from a fault', async () => {
    const error = await getItemFailure(
      { status: 500, body: soapFault('ErrorInvalidServerVersion', 'The specified server version is invalid.') },
      { version: 'V2018_01_08' },
    );
    expect(error).toMatchObject({ responseCode: 'ErrorInvalidServerVersion' });
  });

  it('reads the fault of a real documented Exchange response', async () => {
    const error = await getItemFailure({ status: 500, body: loadFixture('Fault/response-updateitem-operation-contact-1.xml') });
    expect(error).toBeInstanceOf(EwsSoapFaultError);
    expect(error.responseCode).toBe('ErrorSchemaValidation');
    expect(error.message).toContain("The 'Key' attribute is invalid");
  });

  it('rejects a truncated response body with EwsMalformedResponseError naming the position', async () => {
    const error = await getItemFailure({ status: 200, body: getItemResponse.slice(0, 600) });
    expect(error).toBeInstanceOf(EwsMalformedResponseError);
    expect(error.message).toMatch(/^Truncated XML in the response: unclosed tag: .* \(line \d+, column \d+\)$/);
    expect(error).toMatchObject({ outcomeUnknown: true, retryable: true, truncated: true });
  });

  it('rejects a response whose body is another operation\'s', async () => {
    reply = () => ({ status: 200, body: soapResponse('<m:DeleteItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:ResponseMessages/></m:DeleteItemResponse>') });
    await expect(client().call('GetItem', getItemRequest)).rejects.toThrow(/expected <m:GetItemResponse> in the response body, got <m:DeleteItemResponse>/);
  });

  it('rejects an HTML page answered with 200 and a 401, without leaking the password', async () => {
    const html = await getItemFailure({ status: 200, body: '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>', contentType: 'text/html' });
    expect(html).toBeInstanceOf(EwsUnexpectedResponseError);
    expect(html.message).toContain('text/html');

    const denied = await getItemFailure({ status: 401, body: '' });
    expect(denied).toBeInstanceOf(EwsAuthenticationError);
    for (const text of [html.message, html.stack, JSON.stringify(html), denied.message, denied.stack, JSON.stringify(denied)]) {
      expect(text).not.toContain('S3cret!pass');
      expect(text).not.toContain(Buffer.from('alice@contoso.com:S3cret!pass').toString('base64'));
    }
  });

  it('with validateRequests, fails an invalid request locally with libxml2\'s message and sends nothing', async () => {
    const before = server.requests.length;
    const invalid = { ItemIds: getItemRequest.ItemIds } as unknown as typeof getItemRequest; // ItemShape is required
    const error = await client({ validateRequests: true }).call('GetItem', invalid).catch((e) => e);
    expect(error).toBeInstanceOf(EwsRequestValidationError);
    expect(error.message).toMatch(/ItemIds.*Expected is .*ItemShape/);
    expect(server.requests.length).toBe(before);
  });
});

describe('SOAP headers follow the WSDL binding of each operation', () => {
  const envelopeOf = async (operation: 'GetItem' | 'ResolveNames', request: unknown) => {
    const transport = new RecordingTransport(() => soapResponse('<m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"/>'));
    const ews = new ExchangeClient({
      url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport, version: 'Exchange2016',
      impersonation: { smtpAddress: 'bob@contoso.com' }, timeZone: 'Pacific Standard Time', dateTimePrecision: 'Milliseconds',
    });
    await ews.call(operation as 'GetItem', request as never).catch((e) => { if (!transport.requests.length) throw e; });
    return readEnvelope(schema, String(transport.requests[0].body));
  };

  it('sends impersonation, time zone and precision where the operation accepts them', async () => {
    const { headers } = await envelopeOf('GetItem', getItemRequest);
    expect(headers).toEqual({
      't:ExchangeImpersonation': { ConnectingSID: { SmtpAddress: { $value: 'bob@contoso.com' } } },
      't:RequestServerVersion': { Version: 'Exchange2016' },
      't:TimeZoneContext': { TimeZoneDefinition: { Id: 'Pacific Standard Time' } },
      't:DateTimePrecision': 'Milliseconds',
    });
  });

  it('leaves out headers the operation does not accept (ResolveNames takes no TimeZoneContext)', async () => {
    const { headers } = await envelopeOf('ResolveNames', { UnresolvedEntry: 'bob', ReturnFullContactData: true });
    expect(Object.keys(headers).sort()).toEqual(['t:ExchangeImpersonation', 't:RequestServerVersion']);
  });
});

describe('real documented responses through the client', () => {
  it('exposes every response message of a documented GetItem response', async () => {
    const transport = new RecordingTransport(() => loadFixture('GetItem/response-getitem-operation-calendar-item-1.xml'));
    const ews = new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport });
    const result = await ews.call('GetItem', getItemRequest);
    expect(result.responseMessages.length).toBeGreaterThan(0);
    expect(result.responseMessages.every((m) => m.element === 'GetItemResponseMessage')).toBe(true);
    // The re-read body element is what the documentation shows (validated in test/schema/corpus.test.ts).
    expect(extractBodyElement(loadFixture('GetItem/response-getitem-operation-calendar-item-1.xml'))).toContain('GetItemResponse');
  });
});

describe('ExchangeClient.stream: response messages one at a time', () => {
  const streamed = (body: string | (() => Readable)) => new ExchangeClient({
    url: 'https://mail.contoso.com/EWS/Exchange.asmx',
    transport: {
      send: async () => ({ status: 200, headers: { 'content-type': 'text/xml' }, requestSent: true, body: typeof body === 'string' ? Readable.from([Buffer.from(body)]) : body() }),
    },
  });

  it('yields the same response messages as call(), in order, and returns the rest of the body', async () => {
    const messages = [];
    const generator = streamed(getItemResponse).stream('GetItem', getItemRequest);
    let next = await generator.next();
    while (!next.done) {
      messages.push(next.value);
      next = await generator.next();
    }
    expect(messages.map((m) => [m.element, m.responseClass, m.responseCode])).toEqual([
      ['GetItemResponseMessage', 'Success', 'NoError'], ['GetItemResponseMessage', 'Error', 'ErrorItemNotFound'],
    ]);
    expect((messages[0].payload as { Items?: Array<{ Subject?: string }> }).Items?.[0].Subject).toBe('Planning & review');
    expect(next.value.serverVersion?.MajorBuildNumber).toBe(2507);
    expect(next.value.body.ResponseMessages).toEqual([]);
  });

  it('hands a message over as soon as it is complete, before the rest of the response has arrived', async () => {
    // The first message is longer than the 1 KB the client peeks at to tell SOAP from an error page.
    const response = getItemResponse.replace('Planning &amp; review', 'Planning '.repeat(200));
    const source = new PassThrough();
    const cut = response.indexOf('<m:GetItemResponseMessage ResponseClass="Error"');
    const generator = streamed(() => source).stream('GetItem', getItemRequest);
    source.write(response.slice(0, cut));
    const first = await generator.next();
    expect(first.value).toMatchObject({ responseClass: 'Success' });
    source.end(response.slice(cut));
    expect((await generator.next()).value).toMatchObject({ responseCode: 'ErrorItemNotFound' });
    expect((await generator.next()).done).toBe(true);
  });

  it('yields the complete messages of a response that breaks off, then throws EwsMalformedResponseError', async () => {
    const cut = getItemResponse.indexOf('<m:MessageText>');
    const seen: string[] = [];
    const error = await (async () => {
      for await (const message of streamed(getItemResponse.slice(0, cut)).stream('GetItem', getItemRequest)) seen.push(message.responseClass);
    })().catch((e) => e);
    expect(seen).toEqual(['Success']);
    expect(error).toBeInstanceOf(EwsMalformedResponseError);
  });

  it('yields every message of a large response that arrives in one chunk, as call() reads them', async () => {
    const message = (i: number) => (i % 3 === 2
      ? '<m:DeleteItemResponseMessage ResponseClass="Error"><m:MessageText>not found</m:MessageText><m:ResponseCode>ErrorItemNotFound</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:DeleteItemResponseMessage>'
      : '<m:DeleteItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:DeleteItemResponseMessage>');
    const response = soapResponse('<m:DeleteItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:ResponseMessages>'
      + Array.from({ length: 3_000 }, (_, i) => message(i)).join('') + '</m:ResponseMessages></m:DeleteItemResponse>');
    expect(response.length).toBeGreaterThan(200_000); // many 8 KiB slices of the one chunk
    const request = { DeleteType: 'HardDelete' as const, ItemIds: [{ $el: 'ItemId' as const, Id: 'A' }] };
    const seen = [];
    for await (const streamedMessage of streamed(response).stream('DeleteItem', request)) seen.push(streamedMessage);
    const { responseMessages } = await streamed(response).call('DeleteItem', request);
    expect(seen).toHaveLength(3_000);
    expect(seen).toEqual(responseMessages);
    expect(seen.filter((m) => m.responseCode === 'ErrorItemNotFound')).toHaveLength(1_000);
  });

  it('sends nothing before the first next(), and lets go of the request once it is sent', async () => {
    const source = new PassThrough();
    let sent = 0;
    const client = new ExchangeClient({
      url: 'https://mail.contoso.com/EWS/Exchange.asmx',
      transport: { send: async () => { sent++; return { status: 200, headers: { 'content-type': 'text/xml' }, requestSent: true, body: source }; } },
    });
    let request: typeof getItemRequest | undefined = { ...getItemRequest, ItemIds: [...getItemRequest.ItemIds] };
    const released = new WeakRef(request);
    const generator = client.stream('GetItem', request);
    request = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toBe(0);
    // Longer than the 1 KB the client peeks at, so the first message can be read alone.
    const response = getItemResponse.replace('Planning &amp; review', 'Planning '.repeat(200));
    const cut = response.indexOf('<m:GetItemResponseMessage ResponseClass="Error"');
    source.write(response.slice(0, cut));
    expect((await generator.next()).value).toMatchObject({ responseClass: 'Success' });
    expect(sent).toBe(1);
    // Mid-response: the generator is suspended, and the 10,000 ItemIds of a real batch must not survive the reading.
    collectGarbage();
    expect(released.deref()).toBeUndefined();
    source.end(response.slice(cut));
    expect((await generator.next()).value).toMatchObject({ responseCode: 'ErrorItemNotFound' });
  });

  it('throws a SOAP fault before yielding anything', async () => {
    const generator = streamed(soapFault('ErrorServerBusy', 'busy', '<t:Value Name="BackOffMilliseconds">100</t:Value>')).stream('GetItem', getItemRequest);
    await expect(generator.next()).rejects.toMatchObject({ name: 'EwsSoapFaultError', backOffMilliseconds: 100 });
  });
});
