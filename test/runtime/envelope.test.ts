import { Readable } from 'node:stream';
import { envelopeReader, readEnvelope, writeEnvelope, XmlReadError } from '../../src/runtime';
import { M_NS, miniSchema, T_NS } from './fixtures/mini-schema';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const ERRORS = 'http://schemas.microsoft.com/exchange/services/2006/errors';

const findItemResponse = {
  ResponseMessages: [{
    $el: 'FindItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError',
    RootFolder: { TotalItemsInView: 2, IncludesLastItemInRange: true, Items: [
      { $el: 'Message', Subject: 'Größe 東京 😀', IsRead: false },
      { $el: 'CalendarItem', Subject: 'Stand-up', Start: '2026-12-01T09:00:00Z' },
    ] },
  }],
};
const responseXml = writeEnvelope(miniSchema, {
  headers: [{ element: 't:ServerVersionInfo', value: { MajorVersion: 15, MinorVersion: 20, Version: 'V2018_01_08' } }],
  body: { element: 'm:FindItemResponse', value: findItemResponse },
});
const expectedResponse = {
  headers: { 't:ServerVersionInfo': { MajorVersion: 15, MinorVersion: 20, Version: 'V2018_01_08' } },
  body: { element: 'm:FindItemResponse', value: findItemResponse },
};

describe('readEnvelope', () => {
  test('reads typed headers and the body element written by writeEnvelope', () => {
    expect(readEnvelope(miniSchema, responseXml)).toEqual(expectedResponse);
  });

  test('skips headers the schema does not know and reads the ones it knows, whatever their prefix', () => {
    const xml = `<s:Envelope xmlns:s="${SOAP}"><s:Header><h:Trace xmlns:h="urn:trace"><h:Id>1</h:Id></h:Trace>`
      + `<ServerVersionInfo xmlns="${T_NS}" MajorVersion="15" MinorVersion="1"/></s:Header>`
      + `<s:Body><GetItemResponse xmlns="${M_NS}"><ResponseMessages/></GetItemResponse></s:Body></s:Envelope>`;
    expect(readEnvelope(miniSchema, xml)).toEqual({
      headers: { 't:ServerVersionInfo': { MajorVersion: 15, MinorVersion: 1 } },
      body: { element: 'm:GetItemResponse', value: { ResponseMessages: [] } },
    });
  });

  test('reads an envelope without a header', () => {
    expect(readEnvelope(miniSchema, `<soap:Envelope xmlns:soap="${SOAP}"><soap:Body><t:Item xmlns:t="${T_NS}"/></soap:Body></soap:Envelope>`))
      .toEqual({ headers: {}, body: { element: 't:Item', value: {} } });
  });

  test('reads chunks of bytes split inside multi-byte characters', () => {
    const bytes = Buffer.from(responseXml, 'utf8');
    const oneByteChunks = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(readEnvelope(miniSchema, oneByteChunks)).toEqual(expectedResponse);
    const at = bytes.indexOf(Buffer.from('Größe')) + 3; // between the two bytes of "ö"
    expect(bytes.subarray(at - 1, at + 1)).toEqual(Buffer.from('ö'));
    expect(readEnvelope(miniSchema, [bytes.subarray(0, at), bytes.subarray(at)])).toEqual(expectedResponse);
  });

  test('reads an HTTP-like stream (AsyncIterable of Buffers) and returns a Promise', async () => {
    const bytes = Buffer.from(responseXml, 'utf8');
    const chunks = [];
    for (let offset = 0; offset < bytes.length; offset += 7) chunks.push(bytes.subarray(offset, offset + 7));
    await expect(readEnvelope(miniSchema, Readable.from(chunks))).resolves.toEqual(expectedResponse);
  });

  test('rejects the Promise with an XmlReadError when the stream ends early', async () => {
    await expect(readEnvelope(miniSchema, Readable.from([Buffer.from(responseXml.slice(0, 300))]))).rejects.toBeInstanceOf(XmlReadError);
  });

  test('reads string chunks fed one by one to the streaming reader', () => {
    const reader = envelopeReader(miniSchema);
    for (let offset = 0; offset < responseXml.length; offset += 5) reader.write(responseXml.slice(offset, offset + 5));
    expect(reader.end()).toEqual(expectedResponse);
  });

  test('refuses a root that is not a SOAP 1.1 envelope', () => {
    expect(() => readEnvelope(miniSchema, '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"/>'))
      .toThrow(/expected soap:Envelope in namespace http:\/\/schemas.xmlsoap.org\/soap\/envelope\/, found env:Envelope/);
  });

  test('refuses a body element the schema does not know', () => {
    expect(() => readEnvelope(miniSchema, `<soap:Envelope xmlns:soap="${SOAP}"><soap:Body><x:Y xmlns:x="urn:x"/></soap:Body></soap:Envelope>`))
      .toThrow(/the body element x:Y \(urn:x\) is not a global element of the schema at \/soap:Envelope\/soap:Body/);
  });
});

describe('SOAP faults', () => {
  test('reads a schema-validation fault with the details of t:MessageXml', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="${SOAP}">
  <s:Body>
    <s:Fault>
      <faultcode xmlns:a="${T_NS}">a:ErrorSchemaValidation</faultcode>
      <faultstring xml:lang="en-US">The request failed schema validation: the value 'x' is invalid.</faultstring>
      <detail>
        <e:ResponseCode xmlns:e="${ERRORS}">ErrorSchemaValidation</e:ResponseCode>
        <e:Message xmlns:e="${ERRORS}">The request failed schema validation.</e:Message>
        <t:MessageXml xmlns:t="${T_NS}">
          <t:LineNumber>12</t:LineNumber>
          <t:LinePosition>40</t:LinePosition>
          <t:Violation>The value 'x' is invalid.</t:Violation>
        </t:MessageXml>
      </detail>
    </s:Fault>
  </s:Body>
</s:Envelope>`;
    const { fault, body, headers } = readEnvelope(miniSchema, xml);
    expect(body).toBeUndefined();
    expect(headers).toEqual({});
    expect(fault).toEqual({
      faultCode: 'a:ErrorSchemaValidation',
      faultString: "The request failed schema validation: the value 'x' is invalid.",
      detail: {
        responseCode: 'ErrorSchemaValidation', message: 'The request failed schema validation.',
        lineNumber: 12, linePosition: 40, violation: "The value 'x' is invalid.", values: {},
        rawXml: expect.stringContaining(`<t:MessageXml xmlns:t="${T_NS}">`),
      },
    });
    expect(fault!.detail!.rawXml).toMatch(/^<e:ResponseCode xmlns:e="[^"]+">ErrorSchemaValidation<\/e:ResponseCode>/);
  });

  test('reads the back-off time of a throttling fault', () => {
    const xml = `<s:Envelope xmlns:s="${SOAP}"><s:Body><s:Fault><faultcode xmlns:a="${T_NS}">a:ErrorServerBusy</faultcode>`
      + '<faultstring>The server cannot service this request right now. Try again later.</faultstring><detail>'
      + `<e:ResponseCode xmlns:e="${ERRORS}">ErrorServerBusy</e:ResponseCode>`
      + `<t:MessageXml xmlns:t="${T_NS}"><t:Value Name="BackOffMilliseconds">297749</t:Value><t:Value Name="Policy">EWS</t:Value></t:MessageXml>`
      + '</detail></s:Fault></s:Body></s:Envelope>';
    expect(readEnvelope(miniSchema, xml).fault!.detail).toEqual({
      responseCode: 'ErrorServerBusy', backOffMilliseconds: 297749,
      values: { BackOffMilliseconds: '297749', Policy: 'EWS' }, rawXml: expect.any(String),
    });
  });

  test('reads a fault with a fault actor, qualified fault parts, other detail elements and typed headers', () => {
    const xml = `<soap:Envelope xmlns:soap="${SOAP}"><soap:Header><t:ServerVersionInfo xmlns:t="${T_NS}" MajorVersion="8"/></soap:Header>`
      + '<soap:Body><soap:Fault><soap:faultcode>soap:Client</soap:faultcode><soap:faultstring>Access is denied.</soap:faultstring>'
      + '<faultactor>https://mail.contoso.com/EWS/Exchange.asmx</faultactor><detail>'
      + `<ErrorCode xmlns="${M_NS}">-2146233088</ErrorCode><e:Line xmlns:e="${ERRORS}">17</e:Line><e:Position xmlns:e="${ERRORS}">19</e:Position>`
      + '</detail></soap:Fault></soap:Body></soap:Envelope>';
    expect(readEnvelope(miniSchema, xml)).toEqual({
      headers: { 't:ServerVersionInfo': { MajorVersion: 8 } },
      fault: {
        faultCode: 'soap:Client', faultString: 'Access is denied.', faultActor: 'https://mail.contoso.com/EWS/Exchange.asmx',
        detail: {
          lineNumber: 17, linePosition: 19, values: { ErrorCode: '-2146233088' },
          rawXml: `<ErrorCode xmlns="${M_NS}">-2146233088</ErrorCode><e:Line xmlns:e="${ERRORS}">17</e:Line><e:Position xmlns:e="${ERRORS}">19</e:Position>`,
        },
      },
    });
  });

  test('reads a fault without detail', () => {
    expect(readEnvelope(miniSchema, `<s:Envelope xmlns:s="${SOAP}"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Busy</faultstring></s:Fault></s:Body></s:Envelope>`))
      .toEqual({ headers: {}, fault: { faultCode: 's:Server', faultString: 'Busy' } });
  });
});
