import { SaxesParser } from 'saxes';
import { writeElement, writeEnvelope, writeValueAs, XmlWriteError } from '../../src/runtime';
import { writeEnvelopeUtf8 } from '../../src/runtime/writer';
import { schema as ewsSchema } from '../../generated/schema';
import { M_NS, miniSchema, T_NS } from './fixtures/mini-schema';
import { writeError } from './fixtures/read-write';

const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const ROOT_DECLARATIONS = ` xmlns:xsi="${XSI_NS}" xmlns:t="${T_NS}" xmlns:m="${M_NS}"`;

/** The document without its XML declaration and root namespace declarations, for readable expectations. */
function write(elementKey: string, value: unknown): string {
  return writeElement(miniSchema, elementKey, value, { xmlDeclaration: false }).replace(ROOT_DECLARATIONS, '');
}

function writeAs(typeName: string, value: unknown): string {
  return writeValueAs(miniSchema, { name: 'V', ns: 't' }, typeName, value, { xmlDeclaration: false }).replace(ROOT_DECLARATIONS, '');
}

describe('writeElement', () => {
  test('writes a standalone document with the declaration and every namespace declared once on the root', () => {
    expect(writeElement(miniSchema, 't:RequestServerVersion', { Version: 'Exchange2016' })).toBe(
      `<?xml version="1.0" encoding="utf-8"?><t:RequestServerVersion${ROOT_DECLARATIONS} Version="Exchange2016"/>`,
    );
  });

  test('takes the element order from the descriptors, not from the order of object keys', () => {
    const inSchemaOrder = { ItemShape: { BaseShape: 'IdOnly', IncludeMimeContent: true }, ItemIds: [{ Id: 'A', ChangeKey: 'B' }] };
    const reversed = { ItemIds: [{ ChangeKey: 'B', Id: 'A' }], ItemShape: { IncludeMimeContent: true, BaseShape: 'IdOnly' } };
    const expected = '<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent>'
      + '</m:ItemShape><m:ItemIds><t:ItemId Id="A" ChangeKey="B"/></m:ItemIds></m:GetItem>';
    expect(write('m:GetItem', inSchemaOrder)).toBe(expected);
    expect(write('m:GetItem', reversed)).toBe(expected);
  });

  test('writes attributes in schema order too, and a null attribute or undefined field as absent', () => {
    const shuffled = { ItemIds: [{ ChangeKey: 'B', Id: 'A' }, { ChangeKey: null, Id: 'C', Unused: undefined }], ItemShape: { BaseShape: 'IdOnly' } };
    expect(write('m:GetItem', shuffled)).toBe('<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
      + '<m:ItemIds><t:ItemId Id="A" ChangeKey="B"/><t:ItemId Id="C"/></m:ItemIds></m:GetItem>');
  });

  test('writes what a class instance exposes through getters, and an object without prototype, like an object literal', () => {
    class Shape {
      get BaseShape(): string {
        return 'IdOnly';
      }
    }
    const ids = Object.assign(Object.create(null) as object, { Id: 'A', ChangeKey: 'B' });
    expect(write('m:GetItem', { ItemShape: new Shape(), ItemIds: [ids] })).toBe('<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
      + '<m:ItemIds><t:ItemId Id="A" ChangeKey="B"/></m:ItemIds></m:GetItem>');
  });

  test('writes base fields before the fields of the derived type', () => {
    expect(write('t:Message', { IsRead: true, Subject: 'Hi', From: { Mailbox: { Name: 'Ann' } } })).toBe(
      '<t:Message><t:Subject>Hi</t:Subject><t:From><t:Mailbox><t:Name>Ann</t:Name></t:Mailbox></t:From><t:IsRead>true</t:IsRead></t:Message>',
    );
  });

  test('writes attributes from the descriptors, xml:lang included, and simple content from $value', () => {
    expect(write('t:Item', { Body: { $value: 'Hello', lang: 'en-US', BodyType: 'Text' } })).toBe(
      '<t:Item><t:Body BodyType="Text" xml:lang="en-US">Hello</t:Body></t:Item>',
    );
  });

  test('writes compound entries in array order, each as the element named by $el', () => {
    const paths = [
      { $el: 'ExtendedFieldURI', PropertyTag: '0x1000', PropertyType: 'String' },
      { $el: 'FieldURI', FieldURI: 'item:Subject' },
      { $el: 'IndexedFieldURI', FieldURI: 'contacts:EmailAddress', FieldIndex: 'EmailAddress1' },
    ];
    expect(writeAs('NonEmptyArrayOfPathsToElementType', paths)).toBe(
      '<t:V><t:ExtendedFieldURI PropertyTag="0x1000" PropertyType="String"/><t:FieldURI FieldURI="item:Subject"/>'
      + '<t:IndexedFieldURI FieldURI="contacts:EmailAddress" FieldIndex="EmailAddress1"/></t:V>',
    );
  });

  test('writes a single choice from the one property that is set', () => {
    expect(writeAs('FieldOrderType', { Order: 'Ascending', IndexedFieldURI: { FieldURI: 'f', FieldIndex: 'i' } })).toBe(
      '<t:V Order="Ascending"><t:IndexedFieldURI FieldURI="f" FieldIndex="i"/></t:V>',
    );
  });

  test('writes xsi:type and the derived type\'s content when $type names a derived type', () => {
    expect(writeAs('ItemType', { $type: 'MeetingRequestMessageType', Subject: 'S', IsRead: false, MeetingRequestType: 'NewMeetingRequest' })).toBe(
      '<t:V xsi:type="t:MeetingRequestMessageType"><t:Subject>S</t:Subject><t:IsRead>false</t:IsRead>'
      + '<t:MeetingRequestType>NewMeetingRequest</t:MeetingRequestType></t:V>',
    );
    // $type naming the declared type is kept as the reader found it (xsi:type written), so nothing is lost.
    expect(writeAs('ItemType', { $type: 'ItemType', Subject: 'S' })).toBe('<t:V xsi:type="t:ItemType"><t:Subject>S</t:Subject></t:V>');
    expect(writeAs('ItemType', { Subject: 'S' })).toBe('<t:V><t:Subject>S</t:Subject></t:V>');
  });

  test('refuses a $type that is unknown or not derived from the declared type', () => {
    expect(writeError(() => writeAs('MessageType', { $type: 'CalendarItemType' })).reason).toBe('$type CalendarItemType is not derived from MessageType');
    expect(writeError(() => writeAs('ItemType', { $type: 'NoSuchType' })).reason).toMatch(/not a complex type/);
  });

  test('writes xsi:nil for null where the element is nillable and omits null and undefined elsewhere', () => {
    expect(write('t:Item', { LastModifiedName: null, Subject: null, Size: undefined })).toBe(
      '<t:Item><t:LastModifiedName xsi:nil="true"/></t:Item>',
    );
  });

  test('writes the array of a wrapper type as its repeated element', () => {
    expect(write('t:Item', { Categories: ['Red', 'Blue'] })).toBe(
      '<t:Item><t:Categories><t:String>Red</t:String><t:String>Blue</t:String></t:Categories></t:Item>',
    );
  });

  test('refuses to write a document without a root value', () => {
    expect(writeError(() => write('t:Item', undefined)).reason).toBe('no value for t:Item');
    expect(writeError(() => write('t:Item', null)).reason).toBe('no value for t:Item');
    expect(writeError(() => writeEnvelope(miniSchema, { body: { element: 'm:GetItem', value: undefined } })).path).toBe('/soap:Envelope/soap:Body');
  });

  test('refuses an abstract global element and an unknown one', () => {
    expect(writeError(() => write('t:Path', {})).reason).toMatch(/t:Path is abstract/);
    expect(writeError(() => write('t:Nothing', {})).reason).toMatch(/not a global element/);
  });
});

describe('simple values', () => {
  test('writes booleans, numbers and the special doubles', () => {
    const xml = writeAs('ValueKindsType', { Flag: true, Int: -7, Long: 12345678901234567890n, Decimal: 1.5e-7, Double: NaN, Float: -Infinity, Doubles: [Infinity, 2.5e300] });
    expect(xml).toContain('<t:Flag>true</t:Flag><t:Int>-7</t:Int><t:Long>12345678901234567890</t:Long>');
    expect(xml).toContain('<t:Decimal>0.00000015</t:Decimal><t:Double>NaN</t:Double><t:Float>-INF</t:Float>');
    expect(xml).toContain('<t:Doubles>INF</t:Doubles><t:Doubles>2.5e+300</t:Doubles>');
  });

  test('writes a large integer without exponent', () => {
    expect(writeAs('ValueKindsType', { Integer: 1e21 })).toContain('<t:Integer>1000000000000000000000</t:Integer>');
  });

  test('writes Date as ISO 8601 UTC for dateTime and as YYYY-MM-DD for date; strings as given', () => {
    const when = new Date(Date.UTC(2026, 10, 22, 15, 30));
    expect(writeAs('ValueKindsType', { DateTime: when, Date: when })).toContain(
      '<t:DateTime>2026-11-22T15:30:00.000Z</t:DateTime><t:Date>2026-11-22</t:Date>',
    );
    expect(writeAs('ValueKindsType', { DateTime: '2026-11-22T16:30:00+01:00' })).toContain('<t:DateTime>2026-11-22T16:30:00+01:00</t:DateTime>');
  });

  test('writes Uint8Array as base64 and as hex', () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    expect(writeAs('ValueKindsType', { Base64: bytes, Hex: bytes })).toContain('<t:Base64>AAH+/w==</t:Base64><t:Hex>0001FEFF</t:Hex>');
  });

  test('writes lists space-separated, in elements and in attributes', () => {
    expect(writeAs('ValueKindsType', { DaysAttr: ['Monday', 'Friday'], Ints: [1, 2, 3] })).toBe(
      '<t:V DaysAttr="Monday Friday"><t:Ints>1 2 3</t:Ints></t:V>',
    );
  });

  test('refuses a value of the wrong JS type, naming where it is', () => {
    const error = writeError(() => write('t:Message', { Size: '12' }));
    expect(error.reason).toBe('cannot write string "12" as xs:int');
    expect(error.path).toBe('/t:Message/t:Size');
    expect(writeError(() => writeAs('ValueKindsType', { Int: 1.5 })).reason).toMatch(/cannot write number "1.5" as xs:int/);
    expect(writeError(() => writeAs('ValueKindsType', { Int: NaN })).reason).toMatch(/as xs:int/);
    expect(writeError(() => writeAs('ValueKindsType', { DateTime: new Date('nonsense') })).reason).toMatch(/a Date as xs:dateTime/);
    expect(writeError(() => writeAs('ValueKindsType', { Doubles: 1 })).reason).toMatch(/expected an array for Doubles/);
  });
});

describe('values read forgivingly, sent back', () => {
  test('a date given as a midnight dateTime (a server dialect) is written as the date it means', () => {
    expect(writeAs('ValueKindsType', { Date: '2026-12-10T00:00:00.000000Z' })).toContain('<t:Date>2026-12-10</t:Date>');
  });

  test('date, dateTime, time and duration strings of no valid form are refused with where they are, not sent', () => {
    expect(writeError(() => writeAs('ValueKindsType', { Date: '2026-12-10T09:00:00Z' })).reason).toBe('"2026-12-10T09:00:00Z" is not a valid xs:date');
    expect(writeError(() => writeAs('ValueKindsType', { DateTime: '10 Dec 2026' })).path).toBe('/t:V/t:DateTime');
    expect(writeError(() => writeAs('ValueKindsType', { Time: '9am' })).reason).toMatch(/not a valid xs:time/);
    expect(writeError(() => writeAs('ValueKindsType', { Duration: '30' })).reason).toMatch(/not a valid xs:duration/);
  });

  test('an object holding a raw server value in $invalid is refused, naming the property, until the caller sets it', () => {
    const read = { Str: 'x', $invalid: { Int: 'twelve' } };
    const error = writeError(() => writeAs('ValueKindsType', read));
    expect(error.reason).toBe('Int holds "twelve" as the server sent it, which is not a valid value; set Int (or delete $invalid.Int) before sending this object');
    expect(error.path).toBe('/t:V');
    expect(writeAs('ValueKindsType', { ...read, Int: 12 })).toBe('<t:V><t:Str>x</t:Str><t:Int>12</t:Int></t:V>');
  });
});

describe('escaping', () => {
  test('escapes markup characters in text and quotes in attributes, and leaves > as it is', () => {
    expect(writeAs('BodyType', { BodyType: 'Text', lang: `"it's" <b> & c`, $value: `a < b && c > "d" 'e'` })).toBe(
      '<t:V BodyType="Text" xml:lang="&quot;it&apos;s&quot; &lt;b> &amp; c">a &lt; b &amp;&amp; c > "d" \'e\'</t:V>',
    );
  });

  test('escapes > in text where it would end a ]]> (also at the start of a value, whose text before may end in ]]), nowhere else', () => {
    expect(writeAs('BodyType', { BodyType: 'Text', $value: 'a]]>b ]> ]]]>' })).toBe('<t:V BodyType="Text">a]]&gt;b ]> ]]]&gt;</t:V>');
    expect(writeAs('BodyType', { BodyType: 'Text', $value: '>x' })).toBe('<t:V BodyType="Text">&gt;x</t:V>');
    expect(writeAs('BodyType', { BodyType: 'Text', $value: ']>x' })).toBe('<t:V BodyType="Text">]&gt;x</t:V>');
    expect(writeAs('BodyType', { BodyType: 'Text', lang: ']]>', $value: '' })).toContain('xml:lang="]]>"');
  });

  test('any string of markup, brackets, controls and surrogates reads back unchanged through a standard parser', () => {
    const alphabet = ['<', '>', ']', '&', '"', "'", '\t', '\n', '\r', 'a', ' ', 'é', '😀', '&amp;', ']]>', 'CDATA['];
    let seed = 7;
    const random = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; };
    for (let n = 0; n < 2000; n++) {
      const value = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const xml = writeAs('BodyType', { BodyType: value, $value: value });
      // saxes throws on a `]]>` in text, on an unescaped `<` or `&`, and on a lone surrogate it cannot read.
      const parser = new SaxesParser();
      let text = '';
      let attribute: string | undefined;
      parser.on('text', (t) => { text += t; });
      parser.on('opentag', (tag) => { attribute = tag.attributes.BodyType as string; });
      parser.write(xml.replace('<t:V', '<t:V xmlns:t="urn:t"')).close();
      expect({ text, attribute }).toEqual({ text: value, attribute: value });
    }
  });

  test('escapes text that already looks like an entity, so it reads back unchanged', () => {
    expect(writeAs('BodyType', { BodyType: 'Text', $value: 'AT&amp;T &lt;x&gt; &#60;' })).toContain('AT&amp;amp;T &amp;lt;x&amp;gt; &amp;#60;');
  });

  test('escapes CR in text and TAB/LF/CR in attributes, which a parser would otherwise normalise', () => {
    expect(writeAs('BodyType', { BodyType: 'a\tb\nc\rd', $value: 'line1\r\nline2\ttab' })).toBe(
      '<t:V BodyType="a&#x9;b&#xA;c&#xD;d">line1&#xD;\nline2\ttab</t:V>',
    );
  });

  test('writes non-ASCII characters as they are', () => {
    expect(write('t:Item', { Subject: 'Größe – 東京 😀' })).toBe('<t:Item><t:Subject>Größe – 東京 😀</t:Subject></t:Item>');
  });

  test('refuses characters XML 1.0 cannot carry, naming the element', () => {
    const control = writeError(() => write('t:Item', { Subject: 'bell\u0007' }));
    expect(control.reason).toBe('character U+0007 is not allowed in XML 1.0');
    expect(control.path).toBe('/t:Item/t:Subject');
    expect(writeError(() => write('t:Item', { Subject: 'half \uD83D pair' })).reason).toBe('character U+D83D is not allowed in XML 1.0');
    expect(writeError(() => write('t:Item', { ItemId: { Id: '\uFFFF' } })).reason).toBe('character U+FFFF is not allowed in XML 1.0');
  });
});

describe('content the schema does not describe', () => {
  test('writes $unknown raw XML verbatim after the known content and $attributes on the element', () => {
    expect(write('t:Item', {
      Subject: 'S', $unknown: ['<t:Future xmlns:t="urn:t">1</t:Future>'],
      $attributes: { NewFlag: 'yes', 't:Typed': '1', '{urn:example}Other': 'x' },
    })).toBe(
      '<t:Item NewFlag="yes" t:Typed="1" xmlns:ns0="urn:example" ns0:Other="x"><t:Subject>S</t:Subject><t:Future xmlns:t="urn:t">1</t:Future></t:Item>',
    );
  });

  test('writes wildcard entries: raw ones verbatim, typed ones through their global element', () => {
    const messageXml = {
      any: [
        { $el: 'Value', $ns: 't', $xml: '<t:Value Name="BackOffMilliseconds">500</t:Value>' },
        { $el: 'FieldURI', $ns: 't', FieldURI: 'item:Subject' },
        { $el: 'FieldURI', $ns: T_NS, FieldURI: 'item:Body' },
      ],
    };
    expect(writeAs('ResponseMessageType_MessageXml', messageXml)).toBe(
      '<t:V><t:Value Name="BackOffMilliseconds">500</t:Value><t:FieldURI FieldURI="item:Subject"/><t:FieldURI FieldURI="item:Body"/></t:V>',
    );
    expect(writeError(() => writeAs('ResponseMessageType_MessageXml', { any: [{ $el: 'Nope', $ns: 't' }] })).reason).toMatch(/no \$xml/);
  });

  test('refuses a compound entry whose $el is not one of its elements', () => {
    const error = writeError(() => writeAs('ArrayOfRealItemsType', [{ $el: 'Message' }, { $el: 'Contact' }]));
    expect(error.reason).toBe('Items: "Contact" is not one of its elements');
    expect(error.path).toBe('/t:V');
  });
});

describe('writeEnvelope', () => {
  test('writes soap:Header with the headers and soap:Body with the request, namespaces declared on the Envelope', () => {
    expect(writeEnvelope(miniSchema, {
      headers: [{ element: 't:RequestServerVersion', value: { Version: 'Exchange2013' } }],
      body: { element: 'm:GetItem', value: { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: [{ Id: 'A' }] } },
    })).toBe(
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"'
      + `${ROOT_DECLARATIONS}><soap:Header><t:RequestServerVersion Version="Exchange2013"/></soap:Header><soap:Body>`
      + '<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="A"/></m:ItemIds></m:GetItem>'
      + '</soap:Body></soap:Envelope>',
    );
  });

  test('omits soap:Header when there are no headers', () => {
    const xml = writeEnvelope(miniSchema, { body: { element: 't:Item', value: {} } }, { xmlDeclaration: false });
    expect(xml).not.toContain('Header');
    expect(xml).toMatch(/<soap:Body><t:Item\/><\/soap:Body><\/soap:Envelope>$/);
  });

  test('writeEnvelopeUtf8 gives the UTF-8 bytes of the same text, over many chunks and multi-byte characters', () => {
    // ~40,000 items of 2- to 4-byte characters: far more than one 16 KiB chunk, so characters sit on every chunk edge.
    const ids = Array.from({ length: 40_000 }, (_, i) => ({ Id: `é€😀${i}` }));
    const envelope = { body: { element: 'm:GetItem', value: { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: ids } } };
    const text = writeEnvelope(miniSchema, envelope);
    const bytes = writeEnvelopeUtf8(miniSchema, envelope);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(writeEnvelopeUtf8(miniSchema, { body: { element: 't:Item', value: {} } }).toString('utf8'))
      .toBe(writeEnvelope(miniSchema, { body: { element: 't:Item', value: {} } }));
  });

  test('reports errors inside the envelope with the path through it', () => {
    expect(writeError(() => writeEnvelopeUtf8(miniSchema, { body: { element: 't:Item', value: { Size: 'x' } } })).path).toBe(
      '/soap:Envelope/soap:Body/t:Item/t:Size',
    );
    expect(writeError(() => writeEnvelope(miniSchema, { body: { element: 't:Item', value: { Size: 'x' } } })).path).toBe(
      '/soap:Envelope/soap:Body/t:Item/t:Size',
    );
  });
});

describe('undeclared properties', () => {
  test('a property the type does not declare is refused with its name instead of vanishing', () => {
    const request = { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: [{ $el: 'ItemId', Id: 'x', Chnagekey: 'typo' }] };
    expect(() => writeElement(ewsSchema, 'm:GetItem', request)).toThrow(XmlWriteError);
    expect(() => writeElement(ewsSchema, 'm:GetItem', request)).toThrow(/ItemIdType has no property "Chnagekey"/);
  });
});

describe('values that cannot end', () => {
  test('a cyclic object is refused with an XmlWriteError, not a stack overflow', () => {
    const and: Record<string, unknown> = { $el: 'And' };
    and.SearchExpression = [and];
    expect(writeError(() => writeAs('RestrictionType', { And: { SearchExpression: [and] } })).reason)
      .toBe('the value is nested deeper than 256 elements (a cyclic object?)');
  });

  test('a restriction nested 2,000 levels deep is refused the same way', () => {
    let expression: Record<string, unknown> = { $el: 'Exists', FieldURI: { FieldURI: 'item:Subject' } };
    for (let i = 0; i < 2000; i++) expression = { $el: 'And', SearchExpression: [expression] };
    expect(writeError(() => writeAs('RestrictionType', { And: { SearchExpression: [expression] } })).reason).toMatch(/nested deeper than 256/);
  });
});
