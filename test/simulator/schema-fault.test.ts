/**
 * The simulator's ErrorSchemaValidation fault: LineNumber and LinePosition point at the offending
 * element of the request as sent (a one-line request included), Violation is libxml2's message and
 * the fault text names the element's path.
 */
import { basicAuth } from '../../src/client/auth';
import { EwsSoapFaultError } from '../../src/client/errors';
import { ExchangeClient } from '../../src/client/exchange-client';
import { AxiosTransport, type Transport, type TransportRequest } from '../../src/client/transport';
import { startSimulator } from '../../src/simulator';
import { locateElement } from '../../src/validation/locate-element';
import { RecordingTransport, soapFault } from '../support/soap';

describe('the simulator\'s schema validation fault', () => {
  it('points at the third item\'s bad Start on a one-line request and names its path', async () => {
    const sim = await startSimulator({ seed: 'schema-fault' });
    const sent: TransportRequest[] = [];
    const inner = new AxiosTransport({ auth: basicAuth('alice@contoso.com', 'Simulator-1') });
    const recording: Transport = { send: (request) => { sent.push(request); return inner.send(request); } };
    const client = new ExchangeClient({ url: sim.url, transport: recording });
    try {
      const item = (Start: string) => ({ $el: 'CalendarItem' as const, Subject: 'sync', Start, End: '2026-11-24T09:30:00Z' });
      const error = await client.call('CreateItem', {
        SendMeetingInvitations: 'SendToNone',
        Items: [item('2026-11-24T09:00:00Z'), item('2026-11-24T09:00:00Z'), item('2026-02-30T09:00:00Z')],
      }).catch((e: unknown) => e) as EwsSoapFaultError;
      expect(error).toBeInstanceOf(EwsSoapFaultError);
      expect(error.responseCode).toBe('ErrorSchemaValidation');
      const body = String(sent[0].body);
      const thirdStart = body.indexOf('<t:Start>2026-02-30');
      expect(body.slice(0, thirdStart)).not.toContain('\n');
      expect([error.lineNumber, error.linePosition]).toEqual([1, thirdStart + 1]);
      expect(error.violation).toBe("Element 't:Start': '2026-02-30T09:00:00Z' is not a valid value of the atomic type 'xs:dateTime'.");
      expect(error.message).toContain('(at /soap:Envelope/soap:Body/m:CreateItem/m:Items/t:CalendarItem[3]/t:Start)');
      // The client names the property of the request object written there.
      expect(error.objectPath).toBe('Items[2].Start');
      expect(error.message).toMatch(/\[request property: Items\[2\]\.Start\]$/);
    } finally {
      client.close();
      inner.close();
      await sim.close();
    }
  });
});

describe('an Exchange schema fault on a call()', () => {
  it('names the request property at LineNumber/LinePosition, a position on the element name as .NET gives it', async () => {
    let sentBody = '';
    const transport = new RecordingTransport((request) => {
      sentBody = String(request.body);
      const position = sentBody.indexOf('<t:ItemId Id="second"') + 2; // on the name, after '<'
      return { status: 500, body: soapFault('ErrorSchemaValidation', 'The request failed schema validation.',
        `<t:LineNumber>1</t:LineNumber><t:LinePosition>${position}</t:LinePosition><t:Violation>bad id</t:Violation>`) };
    });
    const client = new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport });
    const error = await client.call('GetItem', {
      ItemShape: { BaseShape: 'IdOnly' },
      ItemIds: [{ $el: 'ItemId', Id: 'first' }, { $el: 'ItemId', Id: 'second' }],
    }).catch((e: unknown) => e) as EwsSoapFaultError;
    expect(error).toBeInstanceOf(EwsSoapFaultError);
    expect(error.objectPath).toBe('ItemIds[1]');
    expect(error.message).toContain('[request property: ItemIds[1]]');
  });

  it('leaves other faults as they are', async () => {
    const transport = new RecordingTransport(() => ({ status: 500, body: soapFault('ErrorInvalidRequest', 'The request is invalid.') }));
    const client = new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport });
    const error = await client.call('GetItem', { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: [{ $el: 'ItemId', Id: 'x' }] }).catch((e: unknown) => e) as EwsSoapFaultError;
    expect(error.responseCode).toBe('ErrorInvalidRequest');
    expect(error.objectPath).toBeUndefined();
  });
});

describe('locateElement', () => {
  const xml = [
    '<?xml version="1.0"?>',
    '<!-- <a:b> in a comment -->',
    '<r:Root xmlns:r="urn:r" note="a > b">',
    '  <r:Item><r:Item/></r:Item><![CDATA[<r:Item>]]>',
    '  <r:Other/><r:Item a=\'>\'>',
    '    <r:Leaf/><r:Leaf>x</r:Leaf>',
    '  </r:Item>',
    '</r:Root>',
  ].join('\n');

  it('finds the n-th same-named sibling, not a nested namesake, through comments, CDATA and > in attributes', () => {
    expect(locateElement(xml, '/r:Root')).toEqual({ line: 3, column: 1 });
    expect(locateElement(xml, '/r:Root/r:Item[1]/r:Item')).toEqual({ line: 4, column: 11 });
    expect(locateElement(xml, '/r:Root/r:Item[2]')).toEqual({ line: 5, column: 13 });
    expect(locateElement(xml, '/r:Root/r:Item[2]/r:Leaf[2]')).toEqual({ line: 6, column: 14 });
  });

  it('gives undefined for a path that is not in the document', () => {
    expect(locateElement(xml, '/r:Root/r:Item[3]')).toBeUndefined();
    expect(locateElement(xml, '/r:Other')).toBeUndefined();
    expect(locateElement(xml, 'not a path')).toBeUndefined();
  });
});
