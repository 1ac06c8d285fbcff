import { extractBodyElement, listFixtures, loadFixture } from '../support/corpus';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const T = 'http://schemas.microsoft.com/exchange/services/2006/types';

describe('extractBodyElement', () => {
  it('returns the first body child verbatim, with the namespace declarations in scope added to its start tag', () => {
    const envelope = `<?xml version="1.0"?>
<soap:Envelope xmlns:soap="${SOAP}" xmlns:t="${T}">
  <soap:Header><t:RequestServerVersion Version="Exchange2016"/></soap:Header>
  <soap:Body xmlns="${M}">
    <GetItem xmlns:x="urn:own">
      <ItemShape><t:BaseShape>IdOnly</t:BaseShape></ItemShape>
    </GetItem>
    <Ignored/>
  </soap:Body>
</soap:Envelope>`;
    expect(extractBodyElement(envelope)).toBe(
      `<GetItem xmlns:soap="${SOAP}" xmlns:t="${T}" xmlns="${M}" xmlns:x="urn:own">
      <ItemShape><t:BaseShape>IdOnly</t:BaseShape></ItemShape>
    </GetItem>`,
    );
  });

  it('does not repeat a declaration the element makes itself, and handles a self-closing body element', () => {
    const envelope = `<s:Envelope xmlns:s="${SOAP}" xmlns:m="urn:old"><s:Body><m:Ping xmlns:m="${M}" a="x&gt;y"/></s:Body></s:Envelope>`;
    expect(extractBodyElement(envelope)).toBe(`<m:Ping xmlns:s="${SOAP}" xmlns:m="${M}" a="x&gt;y"/>`);
  });

  it('throws when soap:Body is empty or missing', () => {
    expect(() => extractBodyElement(`<s:Envelope xmlns:s="${SOAP}"><s:Body> </s:Body></s:Envelope>`)).toThrow('No element inside soap:Body');
    expect(() => extractBodyElement(`<Body><GetItem/></Body>`)).toThrow('No element inside soap:Body');
  });
});

describe('corpus fixtures', () => {
  it('lists fixtures by operation and kind and loads their envelopes', () => {
    const getItemRequests = listFixtures({ operation: 'GetItem', kind: 'request' });
    expect(getItemRequests.length).toBeGreaterThan(10);
    for (const fixture of getItemRequests) expect(fixture).toMatchObject({ operation: 'GetItem', kind: 'request', bodyElement: 'GetItem' });
    expect(loadFixture(getItemRequests[0])).toContain('GetItem');
    expect(loadFixture(getItemRequests[0].file)).toBe(loadFixture(getItemRequests[0]));
  });
});
