import { readElement, readValueAs, writeElement, writeValueAs } from '../../src/runtime';
import { typeReader } from '../../src/runtime/documents';
import { M_NS, miniSchema, T_NS } from './fixtures/mini-schema';
import { NS, readAs } from './fixtures/read-write';

describe('typed content', () => {
  test('reads attributes, simple elements and nested complex elements as JS values', () => {
    const xml = `<t:Message ${NS}><t:ItemId Id="AAMk=" ChangeKey="CQ"/><t:Subject>Hello</t:Subject><t:Size>1024</t:Size>`
      + '<t:From><t:Mailbox><t:Name>Ann</t:Name><t:EmailAddress>ann@contoso.com</t:EmailAddress></t:Mailbox></t:From>'
      + '<t:IsRead>1</t:IsRead></t:Message>';
    expect(readElement(miniSchema, xml, 't:Message')).toEqual({
      ItemId: { Id: 'AAMk=', ChangeKey: 'CQ' }, Subject: 'Hello', Size: 1024,
      From: { Mailbox: { Name: 'Ann', EmailAddress: 'ann@contoso.com' } }, IsRead: true,
    });
  });

  test('keeps the document order of mixed item types in one compound array', () => {
    const items = readAs('ArrayOfRealItemsType',
      '<t:Message><t:Subject>1</t:Subject></t:Message><t:CalendarItem><t:Subject>2</t:Subject><t:IsAllDayEvent>false</t:IsAllDayEvent></t:CalendarItem>'
      + '<t:Item><t:Subject>3</t:Subject></t:Item><t:Message><t:Subject>4</t:Subject></t:Message>');
    expect(items).toEqual([
      { $el: 'Message', Subject: '1' }, { $el: 'CalendarItem', Subject: '2', IsAllDayEvent: false },
      { $el: 'Item', Subject: '3' }, { $el: 'Message', Subject: '4' },
    ]);
  });

  test('reads simple content with its attributes, xml:lang and an inherited text type', () => {
    expect(readAs('ItemType', '<t:Body BodyType="HTML" xml:lang="de">&lt;p&gt;Grüße&lt;/p&gt;</t:Body><t:UniqueBody BodyType="Text" IsTruncated="true">u</t:UniqueBody>'))
      .toEqual({ Body: { BodyType: 'HTML', lang: 'de', $value: '<p>Grüße</p>' }, UniqueBody: { BodyType: 'Text', IsTruncated: true, $value: 'u' } });
  });

  test('reads a single choice into the property of the alternative present', () => {
    expect(readAs('FieldOrderType', '<t:ExtendedFieldURI PropertyId="33" PropertyType="Integer"/>', ' Order="Descending"'))
      .toEqual({ Order: 'Descending', ExtendedFieldURI: { PropertyId: 33, PropertyType: 'Integer' } });
  });

  test('reads recursive content (And → SearchExpression → And)', () => {
    const xml = `<t:Restriction ${NS}><t:And><t:Or><t:Exists><t:FieldURI FieldURI="item:Subject"/></t:Exists></t:Or>`
      + '<t:Exists><t:FieldURI FieldURI="item:Body"/></t:Exists></t:And></t:Restriction>';
    expect(readElement(miniSchema, xml, 't:Restriction')).toEqual({
      And: { SearchExpression: [
        { $el: 'Or', SearchExpression: [{ $el: 'Exists', FieldURI: { FieldURI: 'item:Subject' } }] },
        { $el: 'Exists', FieldURI: { FieldURI: 'item:Body' } },
      ] },
    });
  });

  test('reads text split by comments and CDATA sections as one value', () => {
    expect(readAs('ItemType', '<t:Subject>a<!-- note -->b<![CDATA[<c> & d]]></t:Subject>')).toEqual({ Subject: 'ab<c> & d' });
  });

  test('reads elements in the default namespace and with any prefix', () => {
    expect(readValueAs(miniSchema, `<Item xmlns="${T_NS}"><Subject>x</Subject></Item>`, 'ItemType')).toEqual({ Subject: 'x' });
    expect(readValueAs(miniSchema, `<types:Item xmlns:types="${T_NS}"><types:Size>3</types:Size></types:Item>`, 'ItemType')).toEqual({ Size: 3 });
  });

  test('accepts a member of the substitution group where the abstract head is asked for', () => {
    expect(readElement(miniSchema, `<t:IndexedFieldURI ${NS} FieldURI="a" FieldIndex="b"/>`, 't:Path')).toEqual({ FieldURI: 'a', FieldIndex: 'b' });
  });

  test('reads a document given as UTF-8 bytes', () => {
    expect(readElement(miniSchema, Buffer.from(`<t:Item ${NS}><t:Subject>Größe</t:Subject></t:Item>`), 't:Item')).toEqual({ Subject: 'Größe' });
  });
});

describe('xsi:type', () => {
  test('switches to the derived type and records it in $type', () => {
    const items = readAs('ArrayOfRealItemsType', '<t:Item xsi:type="t:MeetingRequestMessageType"><t:Subject>s</t:Subject><t:IsRead>false</t:IsRead>'
      + '<t:MeetingRequestType>FullUpdate</t:MeetingRequestType></t:Item>');
    expect(items).toEqual([{ $el: 'Item', $type: 'MeetingRequestMessageType', Subject: 's', IsRead: false, MeetingRequestType: 'FullUpdate' }]);
  });

  test('resolves the prefix of the xsi:type value in the document\'s own bindings', () => {
    expect(readValueAs(miniSchema, `<x:V xmlns:x="${T_NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:type="x:MessageType"><x:IsRead>true</x:IsRead></x:V>`, 'ItemType'))
      .toEqual({ $type: 'MessageType', IsRead: true });
  });

  test('reads a type the schema does not know as the declared type and keeps the xsi:type for writing back', () => {
    const value = readAs('ItemType', '<t:Subject>s</t:Subject>', ' xsi:type="t:FutureItemType"');
    expect(value).toEqual({ $attributes: { 'xsi:type': 't:FutureItemType' }, Subject: 's' });
    expect(writeValueAs(miniSchema, { name: 'V', ns: 't' }, 'ItemType', value)).toContain(' xsi:type="t:FutureItemType"><t:Subject>');
  });

  test('reads a known type that is not derived from the declared one as the declared type, keeps the xsi:type and reports it', () => {
    const reader = typeReader(miniSchema, 'MessageType');
    reader.write(`<t:V ${NS} xsi:type="t:CalendarItemType"><t:Subject>s</t:Subject></t:V>`);
    expect(reader.end()).toEqual({ Subject: 's', $attributes: { 'xsi:type': 't:CalendarItemType' } });
    expect(reader.diagnostics).toEqual([expect.objectContaining({ path: '/t:V/@xsi:type', action: 'kept', expectedType: 'MessageType' })]);
  });

  test('with strictValues nothing changes for an xsi:type that is not derived: it is kept, reported, and the value read', () => {
    expect(readAs('MessageType', '', ' xsi:type="t:CalendarItemType"', { strictValues: true })).toEqual({ $attributes: { 'xsi:type': 't:CalendarItemType' } });
  });
});

describe('xsi:nil and aliases', () => {
  test('reads nil as null where the element is nillable', () => {
    expect(readAs('ItemType', '<t:LastModifiedName xsi:nil="true"/><t:Size>1</t:Size>')).toEqual({ LastModifiedName: null, Size: 1 });
  });

  test('ignores nil elements the schema does not allow to be nil, before, between and after real ones (Exchange 15+ extras)', () => {
    const group = (index: string): string => `<t:GroupedItems><t:GroupIndex>${index}</t:GroupIndex><t:Items><t:Message/></t:Items></t:GroupedItems>`;
    const nil = '<t:GroupedItems xsi:nil="true"/><t:Group xsi:nil="1"></t:Group>';
    const parent = readAs('FindItemParentType', `<t:Groups>${nil}${group('a')}${nil}${group('b')}${nil}</t:Groups>`, ' TotalItemsInView="2"');
    expect(parent).toEqual({
      TotalItemsInView: 2,
      Groups: [{ GroupIndex: 'a', Items: [{ $el: 'Message' }] }, { GroupIndex: 'b', Items: [{ $el: 'Message' }] }],
    });
  });

  test('reads an alias as the element it stands for (Exchange 15.0 sends t:Group for t:GroupedItems)', () => {
    expect(readAs('ArrayOfGroupedItemsType', '<t:Group><t:GroupIndex>x</t:GroupIndex><t:Items/></t:Group>'))
      .toEqual([{ GroupIndex: 'x', Items: [] }]);
  });
});

describe('wildcards', () => {
  test('lax: a known global element is read typed, anything else is kept raw, in document order', () => {
    const messageXml = readAs('ResponseMessageType_MessageXml',
      '<t:Value Name="BackOffMilliseconds">500</t:Value><t:FieldURI FieldURI="item:Subject"/><x:Y xmlns:x="urn:x">1</x:Y>');
    expect(messageXml).toEqual({
      any: [
        { $el: 'Value', $ns: 't', $xml: `<t:Value xmlns:t="${T_NS}" Name="BackOffMilliseconds">500</t:Value>` },
        { $el: 'FieldURI', $ns: 't', FieldURI: 'item:Subject' },
        { $el: 'Y', $ns: 'urn:x', $xml: '<x:Y xmlns:x="urn:x">1</x:Y>' },
      ],
    });
  });

  test('skip: even a known global element stays raw', () => {
    expect(readAs('EncryptedDataContainerType', `<m:GetItem><m:ItemIds/></m:GetItem>`)).toEqual({
      any: { $el: 'GetItem', $ns: 'm', $xml: `<m:GetItem xmlns:m="${M_NS}"><m:ItemIds/></m:GetItem>` },
    });
  });

  test('an element outside the wildcard\'s namespace constraint (##other) is unknown content', () => {
    expect(readAs('EncryptedDataContainerType', '<t:Own>1</t:Own>')).toEqual({ $unknown: [`<t:Own xmlns:t="${T_NS}">1</t:Own>`] });
  });
});

describe('content a newer server adds', () => {
  test('keeps unknown elements as self-contained raw XML and unknown attributes by qualified name', () => {
    const value = readAs('ItemType',
      '<t:Subject>s</t:Subject><t:Sentiment Score="0.9"><t:Label>happy &amp; "calm" &lt;3</t:Label><u:Note xmlns:u="urn:u" u:k="v"/></t:Sentiment>',
      ' NewFlag="on" t:Typed="1" xmlns:o="urn:other" o:Other="x"');
    expect(value).toEqual({
      $attributes: { NewFlag: 'on', 't:Typed': '1', '{urn:other}Other': 'x' },
      Subject: 's',
      $unknown: [`<t:Sentiment xmlns:t="${T_NS}" Score="0.9"><t:Label>happy &amp; "calm" &lt;3</t:Label><u:Note xmlns:u="urn:u" u:k="v"/></t:Sentiment>`],
    });
  });

  test('writes kept unknown content back so that reading it again gives the same value', () => {
    const value = readAs('ItemType', '<t:Sentiment a="1&#xA;2">x&#xD;</t:Sentiment><t:Subject>s</t:Subject>', ' New="1"');
    const again = readValueAs(miniSchema, writeValueAs(miniSchema, { name: 'V', ns: 't' }, 'ItemType', value), 'ItemType');
    expect(again).toEqual(value);
    expect(again).toEqual({ $attributes: { New: '1' }, Subject: 's', $unknown: [`<t:Sentiment xmlns:t="${T_NS}" a="1&#xA;2">x&#xD;</t:Sentiment>`] });
  });

  test('keeps an unknown element among the entries of a wrapper in its place, as a raw entry, reported, and writes it back', () => {
    const reader = typeReader(miniSchema, 'ArrayOfRealItemsType');
    reader.write(`<t:V ${NS}><t:Message/><t:Contact>x</t:Contact><t:Message/></t:V>`);
    const items = reader.end() as unknown[];
    expect(items).toEqual([{ $el: 'Message' }, { $el: 'Contact', $ns: 't', $xml: `<t:Contact xmlns:t="${T_NS}">x</t:Contact>` }, { $el: 'Message' }]);
    expect(reader.diagnostics).toEqual([expect.objectContaining({ path: '/t:V/t:Contact[1]', action: 'raw', entryIndex: 1 })]);
    expect(writeValueAs(miniSchema, { name: 'V', ns: 't' }, 'ArrayOfRealItemsType', items)).toContain('<t:Message/><t:Contact xmlns:t');
  });
});

describe('simple values', () => {
  test('parses booleans from true/false/1/0 and numbers of every numeric type', () => {
    expect(readAs('ValueKindsType', '<t:Flag> 0 </t:Flag><t:Int>-12</t:Int><t:Long>+9007199254740991</t:Long><t:Decimal>-.5</t:Decimal>'
      + '<t:Double>1E3</t:Double><t:Float>-INF</t:Float><t:Doubles>NaN</t:Doubles><t:Doubles>INF</t:Doubles>', ' IntAttr="7" FlagAttr="true"'))
      .toEqual({ IntAttr: 7, FlagAttr: true, Flag: false, Int: -12, Long: 9007199254740991, Decimal: -0.5, Double: 1000, Float: -Infinity, Doubles: [NaN, Infinity] });
  });

  test('keeps dateTime, date, time and duration as their lexical strings, offset and precision included', () => {
    expect(readAs('ValueKindsType', '<t:DateTime>2026-11-22T15:30:00.1234567-08:00</t:DateTime><t:Date>2026-11-22+14:00</t:Date>'
      + '<t:Time>09:00:00</t:Time><t:Duration>PT0.5S</t:Duration>'))
      .toEqual({ DateTime: '2026-11-22T15:30:00.1234567-08:00', Date: '2026-11-22+14:00', Time: '09:00:00', Duration: 'PT0.5S' });
  });

  test('splits lists on any XML whitespace', () => {
    expect(readAs('ValueKindsType', '<t:Days>\n Monday\tFriday  Sunday\r\n</t:Days><t:Ints></t:Ints>', ' DaysAttr="Tuesday"'))
      .toEqual({ DaysAttr: ['Tuesday'], Days: ['Monday', 'Friday', 'Sunday'], Ints: [] });
  });

  test('keeps enum values the schema does not list (newer servers add values) and union values as text', () => {
    expect(readAs('ValueKindsType', '<t:Tag>0x1A</t:Tag><t:Importance>Urgent</t:Importance>')).toEqual({ Tag: '0x1A', Importance: 'Urgent' });
  });

  test('keeps strings exactly, whitespace included', () => {
    expect(readAs('ItemType', '<t:Subject>  two  spaces\n</t:Subject>')).toEqual({ Subject: '  two  spaces\n' });
  });
});

describe('round trip through the writer', () => {
  test('a FindItem response with groups, mixed items and an xsi:type reads back as written', () => {
    const value = {
      ResponseMessages: [{
        $el: 'FindItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError',
        RootFolder: {
          IndexedPagingOffset: 2, TotalItemsInView: 3, IncludesLastItemInRange: false,
          Groups: [{ GroupIndex: 'g', Items: [{ $el: 'Message', IsRead: true }, { $el: 'Item', $type: 'CalendarItemType', Duration: 'PT1H' }] }],
        },
      }],
    };
    expect(readElement(miniSchema, writeElement(miniSchema, 'm:FindItemResponse', value), 'm:FindItemResponse')).toEqual(value);
  });
});
