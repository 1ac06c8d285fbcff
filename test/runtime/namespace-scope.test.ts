/**
 * The reader resolves prefixes itself (src/runtime/namespace-scope.ts): whatever prefixes a server
 * chooses, wherever it declares or redeclares them, the same document reads the same.
 */
import { readEnvelope, XmlReadError } from '../../src/runtime';
import { M_NS, miniSchema, T_NS } from './fixtures/mini-schema';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const message = (subject: string) => ({
  $el: 'FindItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError',
  RootFolder: { TotalItemsInView: 1, Items: [{ $el: 'Message', Subject: subject, IsRead: false }] },
});
const expected = (...subjects: string[]) => ({
  headers: {},
  body: { element: 'm:FindItemResponse', value: { ResponseMessages: subjects.map(message) } },
});

/** Exchange's own prefixes (`s:`, `m:`, `t:`), declared on the envelope and the response element. */
const exchangeStyle = `<s:Envelope xmlns:s="${SOAP}"><s:Body><m:FindItemResponse xmlns:m="${M_NS}" xmlns:t="${T_NS}"><m:ResponseMessages>`
  + '<m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:RootFolder TotalItemsInView="1">'
  + '<t:Items><t:Message><t:Subject>a</t:Subject><t:IsRead>false</t:IsRead></t:Message></t:Items></m:RootFolder></m:FindItemResponseMessage>'
  + '</m:ResponseMessages></m:FindItemResponse></s:Body></s:Envelope>';

describe('namespace prefixes as servers choose them', () => {
  test('reads the same answer under Exchange\'s prefixes, gromox\'s SOAP:, and default namespaces', () => {
    const gromoxStyle = exchangeStyle.replace(/<(\/?)s:/g, '<$1SOAP:').replace('xmlns:s=', 'xmlns:SOAP=');
    const defaults = `<Envelope xmlns="${SOAP}"><Body><FindItemResponse xmlns="${M_NS}"><ResponseMessages>`
      + '<FindItemResponseMessage ResponseClass="Success"><ResponseCode>NoError</ResponseCode><RootFolder TotalItemsInView="1">'
      + `<Items xmlns="${T_NS}"><Message><Subject>a</Subject><IsRead>false</IsRead></Message></Items></RootFolder></FindItemResponseMessage>`
      + '</ResponseMessages></FindItemResponse></Body></Envelope>';
    for (const xml of [exchangeStyle, gromoxStyle, defaults]) expect(readEnvelope(miniSchema, xml)).toEqual(expected('a'));
  });

  test('a default namespace changed inside an element applies there only: the next sibling reads in the outer one again', () => {
    const xml = `<Envelope xmlns="${SOAP}"><Body><FindItemResponse xmlns="${M_NS}"><ResponseMessages>`
      + ['a', 'b'].map((subject) => '<FindItemResponseMessage ResponseClass="Success"><ResponseCode>NoError</ResponseCode><RootFolder TotalItemsInView="1">'
        + `<Items xmlns="${T_NS}"><Message><Subject>${subject}</Subject><IsRead>false</IsRead></Message></Items></RootFolder></FindItemResponseMessage>`).join('')
      + '</ResponseMessages></FindItemResponse></Body></Envelope>';
    expect(readEnvelope(miniSchema, xml)).toEqual(expected('a', 'b'));
  });

  test('one prefix bound to another namespace in a subtree, and back: each element is read in the namespace in scope', () => {
    // `x` is the messages namespace outside t:Items and the types namespace inside it, twice in a row.
    const entry = (subject: string) => '<x:FindItemResponseMessage ResponseClass="Success"><x:ResponseCode>NoError</x:ResponseCode>'
      + `<x:RootFolder TotalItemsInView="1"><x:Items xmlns:x="${T_NS}"><x:Message><x:Subject>${subject}</x:Subject><x:IsRead>false</x:IsRead></x:Message></x:Items>`
      + '</x:RootFolder></x:FindItemResponseMessage>';
    const xml = `<s:Envelope xmlns:s="${SOAP}"><s:Body><x:FindItemResponse xmlns:x="${M_NS}"><x:ResponseMessages>${entry('a')}${entry('b')}`
      + '</x:ResponseMessages></x:FindItemResponse></s:Body></s:Envelope>';
    expect(readEnvelope(miniSchema, xml)).toEqual(expected('a', 'b'));
  });

  test('a prefix is resolved by its binding, not its name: t: rebound to the messages namespace is no t:Items', () => {
    const xml = exchangeStyle.replace('<t:Items>', `<t:Items xmlns:t="${M_NS}">`);
    const folder = (readEnvelope(miniSchema, xml).body!.value as { ResponseMessages: Array<{ RootFolder: Record<string, unknown> }> }).ResponseMessages[0].RootFolder;
    expect(folder.Items).toBeUndefined();
    expect(folder.$unknown).toEqual([`<t:Items xmlns:t="${M_NS}"><t:Message><t:Subject>a</t:Subject><t:IsRead>false</t:IsRead></t:Message></t:Items>`]);
  });

  test('redeclaring a prefix with the namespace it already has changes nothing, on every element', () => {
    const xml = exchangeStyle.replace(/<t:(\w+)>/g, `<t:$1 xmlns:t="${T_NS}">`);
    expect(readEnvelope(miniSchema, xml)).toEqual(expected('a'));
  });

  test('xsi:nil is recognised under any prefix bound to the XML Schema instance namespace', () => {
    const xml = exchangeStyle.replace('xmlns:s=', `xmlns:i="${XSI}" xmlns:s=`)
      .replace('<t:IsRead>false</t:IsRead>', '<t:IsRead>false</t:IsRead><t:LastModifiedName i:nil="true"/>');
    const item = (readEnvelope(miniSchema, xml).body!.value as { ResponseMessages: Array<{ RootFolder: { Items: unknown[] } }> })
      .ResponseMessages[0].RootFolder.Items[0];
    expect(item).toEqual({ $el: 'Message', Subject: 'a', IsRead: false, LastModifiedName: null });
  });
});

describe('namespace well-formedness, as saxes checked it', () => {
  const refuses = (xml: string, reason: RegExp) => {
    expect(() => readEnvelope(miniSchema, xml)).toThrow(XmlReadError);
    expect(() => readEnvelope(miniSchema, xml)).toThrow(reason);
  };

  test('an element or attribute prefix that is not declared', () => {
    refuses(exchangeStyle.replace('<t:Items>', '<q:Items>').replace('</t:Items>', '</q:Items>'), /unbound namespace prefix: "q"/);
    refuses(exchangeStyle.replace('<t:Items>', '<t:Items q:x="1">'), /unbound namespace prefix: "q"/);
  });

  test('a declaration that goes out of scope with its element', () => {
    const xml = exchangeStyle.replace('<t:Items>', `<t:Items xmlns:q="${T_NS}">`).replace('</m:RootFolder>', '</m:RootFolder><q:Extra/>');
    refuses(xml, /unbound namespace prefix: "q"/);
  });

  test('malformed qualified names, undeclaring a prefix, and reserved prefixes', () => {
    refuses(exchangeStyle.replace('<t:Items>', '<t:Items a:b:c="1">'), /malformed name: a:b:c/);
    refuses(exchangeStyle.replace('<t:Items>', '<t:Items xmlns:t="">'), /undefine prefix "t"/);
    refuses(exchangeStyle.replace('<t:Items>', '<t:Items xmlns:xml="urn:other">'), /xml prefix must be bound/);
    refuses(exchangeStyle.replace('<t:Items>', '<t:Items xmlns:xmlns="urn:other">'), /xmlns prefix may not be declared/);
  });

  test('two attributes with one expanded name under different prefixes', () => {
    refuses(exchangeStyle.replace('<t:Items>', `<t:Items xmlns:a="urn:x" xmlns:b="urn:x" a:n="1" b:n="2">`), /duplicate attribute: \{urn:x\}n/);
  });
});
