import { elementReader, readElement, readEnvelope, writeEnvelope } from '../../src/runtime';
import { M_NS, miniSchema, T_NS } from './fixtures/mini-schema';
import { readAs, readError } from './fixtures/read-write';

const NS = `xmlns:t="${T_NS}" xmlns:m="${M_NS}"`;

const readMessage = (xml: string | Uint8Array): unknown => readElement(miniSchema, xml, 't:Message');
/** As a validator would read: the first out-of-type value fails the document (`strictValues`). */
const readMessageStrictly = (xml: string): unknown => readElement(miniSchema, xml, 't:Message', { strictValues: true });

describe('malformed and incomplete documents', () => {
  test('a document that ends before its root closes (truncated response)', () => {
    const error = readError(() => readMessage(`<t:Message ${NS}><t:Subject>Hel`));
    expect(error.reason).toBe('unclosed tag: t:Subject');
    expect(error.path).toBe('/t:Message/t:Subject');
  });

  test('mismatched tags, with the line and column where they were found', () => {
    const error = readError(() => readMessage(`<t:Message ${NS}>\n  <t:Subject>x</t:Size>\n</t:Message>`));
    expect(error.reason).toBe('unexpected close tag.');
    expect([error.line, error.column]).toEqual([2, 24]);
    // saxes closes t:Subject before it reports the mismatch.
    expect(error.message).toBe('unexpected close tag. at /t:Message (line 2, column 24)');
  });

  test('an empty document and text after the root', () => {
    expect(readError(() => readMessage('')).reason).toBe('document must contain a root element.');
    expect(readError(() => readMessage(`<t:Message ${NS}/>trailing`)).reason).toBe('text data outside of root node.');
  });

  test('bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(`<t:Message ${NS}><t:Subject>`), Buffer.from([0xc3, 0x28]), Buffer.from('</t:Subject></t:Message>')]);
    expect(readError(() => readMessage(bytes)).reason).toMatch(/encoded data was not valid/);
  });

  test('a UTF-8 sequence cut off by the end of the stream', () => {
    const reader = elementReader(miniSchema, 't:Message');
    reader.write(Buffer.from(`<t:Message ${NS}/>`));
    reader.write(Uint8Array.of(0xe2, 0x82));
    expect(readError(() => reader.end()).reason).toMatch(/encoded data was not valid/);
  });
});

describe('DTDs and entities', () => {
  test('any DOCTYPE is refused', () => {
    expect(readError(() => readMessage(`<!DOCTYPE t:Message><t:Message ${NS}/>`)).reason).toBe('a DOCTYPE is not allowed');
  });

  test('billion laughs is refused at its DOCTYPE, before any entity is expanded', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]><t:Message ${NS}><t:Subject>&lol9;</t:Subject></t:Message>`;
    const error = readError(() => readMessage(xml));
    expect(error.reason).toBe('a DOCTYPE is not allowed');
    expect(error.path).toBe('');
  });

  test('an external entity (XXE) is refused at its DOCTYPE', () => {
    const xml = `<!DOCTYPE t:Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><t:Message ${NS}><t:Subject>&xxe;</t:Subject></t:Message>`;
    expect(readError(() => readMessage(xml)).reason).toBe('a DOCTYPE is not allowed');
  });

  test('an entity that is not one of the five predefined ones is an error', () => {
    const error = readError(() => readMessage(`<t:Message ${NS}><t:Subject>&nbsp;</t:Subject></t:Message>`));
    expect(error.reason).toBe('undefined entity.');
    expect(error.path).toBe('/t:Message/t:Subject');
  });
});

describe('documents that do not fit the schema', () => {
  test('a root element of another name or namespace', () => {
    expect(readError(() => readMessage('<Message xmlns="urn:wrong"/>')).reason)
      .toBe(`expected root element t:Message in namespace ${T_NS}, found Message in namespace urn:wrong`);
    expect(readError(() => readMessage(`<t:Item ${NS}/>`)).reason).toMatch(/found t:Item in namespace/);
    expect(readError(() => readMessage('<Message/>')).reason).toMatch(/found Message in no namespace$/);
  });

  test.each([
    ['xs:boolean', '<t:IsRead>maybe</t:IsRead>', '"maybe" is not a valid xs:boolean', '/t:Message/t:IsRead'],
    ['xs:int', '<t:Size>12px</t:Size>', '"12px" is not a valid xs:int', '/t:Message/t:Size'],
    ['xs:int range', '<t:Size>2147483648</t:Size>', '"2147483648" is not a valid xs:int', '/t:Message/t:Size'],
    ['an empty xs:int', '<t:Size/>', '"" is not a valid xs:int', '/t:Message/t:Size'],
    ['xs:dateTime', '<t:DateTimeReceived>2026-11-22 15:30:00</t:DateTimeReceived>', '"2026-11-22 15:30:00" is not a valid xs:dateTime', '/t:Message/t:DateTimeReceived'],
    ['an xs:boolean attribute', '<t:UniqueBody BodyType="Text" IsTruncated="sometimes">x</t:UniqueBody>', '"sometimes" is not a valid xs:boolean', '/t:Message/t:UniqueBody'],
  ])('with strictValues, text that does not fit %s fails the document', (_kind, content, reason, path) => {
    const error = readError(() => readMessageStrictly(`<t:Message ${NS}>${content}</t:Message>`));
    expect(error.reason).toBe(reason);
    expect(error.path).toBe(path);
  });

  test.each([
    ['xs:duration', 'ValueKindsType', '<t:Duration>P</t:Duration>', '"P" is not a valid xs:duration'],
    ['xs:date', 'ValueKindsType', '<t:Date>2026-11-22T00:00:00</t:Date>', '"2026-11-22T00:00:00" is not a valid xs:date'],
    ['xs:unsignedByte', 'ValueKindsType', '<t:UnsignedByte>-1</t:UnsignedByte>', '"-1" is not a valid xs:unsignedByte'],
    ['xs:double', 'ValueKindsType', '<t:Double>1,5</t:Double>', '"1,5" is not a valid xs:double'],
    ['a list item', 'ValueKindsType', '<t:Ints>1 two 3</t:Ints>', '"1 two 3" is not a valid IntListType'],
    ['an xs:int attribute', 'PathToExtendedFieldType', '', '"x" is not a valid xs:int'],
  ])('with strictValues, text that does not fit %s (read as a type) fails the document', (_kind, typeName, content, reason) => {
    const attributes = typeName === 'PathToExtendedFieldType' ? ' PropertyId="x"' : '';
    expect(readError(() => readAs(typeName, content, attributes, { strictValues: true })).reason).toBe(reason);
  });

  test('an element inside an element of simple type is skipped and reported; the text around it is kept', () => {
    const reader = elementReader(miniSchema, 't:Message');
    reader.write(`<t:Message ${NS}><t:Subject>a<t:B>inner</t:B>b</t:Subject></t:Message>`);
    expect(reader.end().value).toEqual({ Subject: 'ab' });
    expect(reader.diagnostics).toEqual([expect.objectContaining({ path: '/t:Message/t:Subject', action: 'skipped', value: '<t:B>' })]);
  });
});

describe('depth limit', () => {
  const nested = (levels: number): string =>
    `<t:Message ${NS}><t:Body BodyType="Text">${'<t:X>'.repeat(levels)}${'</t:X>'.repeat(levels)}</t:Body></t:Message>`;

  test('nesting deeper than maxDepth is a typed error raised as the tag opens', () => {
    const error = readError(() => readMessage(nested(10_000)));
    expect(error.reason).toBe('elements are nested deeper than 256 levels');
    expect(error.line).toBe(1);
  });

  test('a document nested 100,000 levels deep is refused after reading no more than maxDepth of its tags', () => {
    const reader = elementReader(miniSchema, 't:Message', { maxDepth: 50 });
    reader.write(`<t:Message ${NS}><t:Body BodyType="Text">`);
    let written = 0;
    const error = readError(() => {
      for (; written < 100_000; written++) reader.write('<t:X>');
    });
    expect(error.reason).toBe('elements are nested deeper than 50 levels');
    expect(written).toBeLessThan(50);
  });

  test('nesting within the limit is read', () => {
    expect(readElement(miniSchema, nested(200), 't:Message')).toEqual(expect.objectContaining({ Body: expect.anything() }));
  });
});

describe('size limits', () => {
  test('a text node longer than maxTextLength, given in one piece', () => {
    const xml = `<t:Message ${NS}><t:Subject>${'x'.repeat(2000)}</t:Subject></t:Message>`;
    expect(readError(() => readElement(miniSchema, xml, 't:Message', { maxTextLength: 1000 })).reason)
      .toBe('a text node is longer than 1000 characters');
    expect(readElement(miniSchema, xml, 't:Message', { maxTextLength: 2000 })).toEqual({ Subject: 'x'.repeat(2000) });
  });

  test('a streamed text node is stopped within one chunk of the limit, before its end tag arrives', () => {
    const reader = elementReader(miniSchema, 't:Message', { maxTextLength: 1000 });
    reader.write(`<t:Message ${NS}><t:Subject>`);
    let written = 0;
    const error = readError(() => {
      for (; written < 100_000; written += 100) reader.write('x'.repeat(100));
    });
    expect(error.reason).toBe('a text node or token is longer than 1000 characters');
    expect(written).toBeLessThanOrEqual(1000);
  });

  test('a long attribute value counts as a token too', () => {
    const reader = elementReader(miniSchema, 't:Message', { maxTextLength: 1000 });
    reader.write(`<t:Message ${NS}><t:ItemId Id="`);
    expect(readError(() => { for (let i = 0; i < 100; i++) reader.write('y'.repeat(100)); }).reason).toMatch(/longer than 1000/);
  });

  test('a document longer than maxDocumentLength', () => {
    const reader = elementReader(miniSchema, 't:Message', { maxDocumentLength: 500 });
    reader.write(`<t:Message ${NS}>`);
    expect(readError(() => { for (let i = 0; i < 100; i++) reader.write('<t:Subject>s</t:Subject>'); }).reason)
      .toBe('document is longer than 500 characters');
  });
});

describe('after an error', () => {
  test('further content is ignored and end() reports the first error', () => {
    const reader = elementReader(miniSchema, 't:Message');
    const first = readError(() => reader.write(`<t:Message ${NS}><t:IsRead>yes</t:IsRead><t:Subject>a<</t:Subject>`));
    expect(() => reader.write('<t:Size>not even looked at</t:Size></t:Message>')).not.toThrow();
    expect(readError(() => reader.end())).toBe(first);
  });
});

describe('never anything but XmlReadError', () => {
  const response = writeEnvelope(miniSchema, {
    headers: [{ element: 't:ServerVersionInfo', value: { MajorVersion: 15 } }],
    body: {
      element: 'm:FindItemResponse',
      value: { ResponseMessages: [{ $el: 'FindItemResponseMessage', ResponseClass: 'Success', RootFolder: { TotalItemsInView: 1, Items: [
        { $el: 'Message', Subject: 'a & b', IsRead: true, Body: { BodyType: 'Text', $value: 'é' } },
      ] } }] },
    },
  });

  /** Reads, and returns 'ok' or the class of the error thrown. */
  function outcome(xml: string | Buffer): string {
    try {
      readEnvelope(miniSchema, xml);
      return 'ok';
    } catch (error) {
      return (error as Error).constructor.name;
    }
  }

  test('for every truncation of a valid response', () => {
    const outcomes = new Set<string>();
    for (let length = 0; length < response.length; length++) outcomes.add(outcome(response.slice(0, length)));
    expect([...outcomes]).toEqual(['XmlReadError']);
    expect(outcome(response)).toBe('ok');
  });

  test('for 2,000 random byte mutations of a valid response', () => {
    const bytes = Buffer.from(response);
    let seed = 42;
    const random = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    const outcomes = new Set<string>();
    for (let round = 0; round < 2000; round++) {
      const mutated = Buffer.from(bytes);
      for (let i = 0; i < 3; i++) mutated[random(mutated.length)] = random(256);
      outcomes.add(outcome(mutated));
    }
    expect([...outcomes].filter((name) => name !== 'ok' && name !== 'XmlReadError')).toEqual([]);
    expect(outcomes.has('XmlReadError')).toBe(true);
  });
});
