/**
 * Wire snapshots of the seed operations: the exact envelope the client sends is committed
 * (__snapshots__), and its body is valid against the official XSD.
 */
import { ExchangeClient } from '../../src/client/exchange-client';
import { XsdValidator } from '../../src/validation/xsd-validator';
import { extractBodyElement } from '../support/corpus';
import { seedCreateItem, seedDeleteItem, seedGetItem, seedGroupedFindItem, seedUpdateItem } from '../support/seed-requests';
import { RecordingTransport, soapResponse, tagPerLine } from '../support/soap';

const cases = [
  ['CreateItem', seedCreateItem],
  ['GetItem', seedGetItem],
  ['UpdateItem', seedUpdateItem],
  ['DeleteItem', seedDeleteItem],
  ['FindItem', seedGroupedFindItem],
] as const;

async function sentEnvelope(operation: string, request: unknown): Promise<string> {
  const transport = new RecordingTransport(() => soapResponse(`<m:${operation}Response xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:ResponseMessages/></m:${operation}Response>`));
  const client = new ExchangeClient({
    url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport, version: 'Exchange2013_SP1', timeZone: 'UTC',
  });
  await client.call(operation as 'GetItem', request as never);
  return String(transport.requests[0].body);
}

describe('wire snapshots of the seed requests', () => {
  let validator: XsdValidator;
  beforeAll(async () => {
    validator = await XsdValidator.shared();
  });

  it.each(cases)('%s: the request equals the committed snapshot and its body is schema-valid', async (operation, request) => {
    const envelope = await sentEnvelope(operation, request);
    expect(tagPerLine(envelope)).toMatchSnapshot();
    const verdict = await validator.validateOne(extractBodyElement(envelope));
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });
});
