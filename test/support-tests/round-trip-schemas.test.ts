import { SchemaSet, TypeDesc } from '../../src/schema/descriptors';
import { XsdValidator } from '../../src/validation/xsd-validator';
import { createRoundTripValidator, roundTripRoot, roundTripSchemaFiles, xsdNamedComplexTypes } from '../support/round-trip-schemas';

const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const NAMESPACES = { t: T, m: M, xml: 'http://www.w3.org/XML/1998/namespace' };

/** A SchemaSet with one (empty) descriptor per named complex type of the XSDs, plus two anonymous types. */
function schemaWithEveryNamedType(): SchemaSet {
  const types: Record<string, TypeDesc> = {};
  for (const key of xsdNamedComplexTypes()) {
    const [, uri, name] = /^\{(.*)\}(.*)$/.exec(key)!;
    types[name] = { kind: 'complex', name, ns: uri === T ? 't' : 'm', attributes: [], fields: [] };
  }
  types.ServerVersionInfo = { kind: 'complex', name: 'ServerVersionInfo', ns: 't', attributes: [], fields: [] };
  types.ResponseMessageType_MessageXml = { kind: 'complex', name: 'ResponseMessageType_MessageXml', ns: 'm', attributes: [], fields: [] };
  return {
    namespaces: NAMESPACES,
    types,
    elements: { 't:ServerVersionInfo': { name: 'ServerVersionInfo', ns: 't', type: 'ServerVersionInfo' } },
    operations: {},
  };
}

describe('round-trip schemas', () => {
  const schema = schemaWithEveryNamedType();
  let validator: XsdValidator;

  beforeAll(async () => {
    validator = await createRoundTripValidator(schema);
  });
  afterAll(() => validator.close());

  it('finds every top-level complex type of types.xsd and messages.xsd', () => {
    const named = [...xsdNamedComplexTypes()];
    expect(named.filter((n) => n.startsWith(`{${T}}`)).length).toBe(636);
    expect(named.filter((n) => n.startsWith(`{${M}}`)).length).toBe(332);
    expect(named).toEqual(expect.arrayContaining([`{${T}}CalendarItemType`, `{${M}}GetItemType`]));
  });

  it('declares one root element per named type, in the namespace of its type, and none for anonymous types', () => {
    const files = roundTripSchemaFiles(schema);
    expect(files.map((f) => f.fileName)).toEqual(['validation/roundtrip.xsd', 'validation/roundtrip-types.xsd', 'validation/roundtrip-messages.xsd']);
    const [, types, messages] = files.map((f) => f.contents);
    expect(types).toContain('<xs:include schemaLocation="../ews/types.xsd"/>');
    expect(types).toContain('<xs:element name="RoundTrip.CalendarItemType" type="t:CalendarItemType"/>');
    expect(messages).toContain('<xs:include schemaLocation="../ews/messages.xsd"/>');
    expect(messages).toContain('<xs:element name="RoundTrip.GetItemType" type="m:GetItemType"/>');
    expect(types.match(/<xs:element /g)).toHaveLength(636);
    expect(messages.match(/<xs:element /g)).toHaveLength(332);
    expect(types + messages).not.toMatch(/ServerVersionInfo|MessageXml/);
  });

  it('names the element to validate a value as: RoundTrip element, global element of an anonymous type, or none', () => {
    expect(roundTripRoot(schema, 'ItemIdType')).toEqual({ name: 'RoundTrip.ItemIdType', ns: 't', type: 'ItemIdType' });
    expect(roundTripRoot(schema, 'ServerVersionInfo')).toEqual({ name: 'ServerVersionInfo', ns: 't', type: 'ServerVersionInfo' });
    expect(roundTripRoot(schema, 'ResponseMessageType_MessageXml')).toBeUndefined();
  });

  it('compiles with libxml2 and validates hand-written roots of t:ItemIdType, m:GetItemType and an abstract type', async () => {
    const results = await validator.validate([
      { name: 'item id', xml: `<t:RoundTrip.ItemIdType xmlns:t="${T}" Id="AAMkAD=" ChangeKey="CQAAAB=="/>` },
      {
        name: 'get item',
        xml: `<m:RoundTrip.GetItemType xmlns:m="${M}" xmlns:t="${T}">
  <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
  <m:ItemIds><t:ItemId Id="AAMkAD="/></m:ItemIds>
</m:RoundTrip.GetItemType>`,
      },
      {
        name: 'abstract base folder as a folder',
        xml: `<t:RoundTrip.BaseFolderType xmlns:t="${T}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="t:FolderType"><t:DisplayName>Inbox</t:DisplayName></t:RoundTrip.BaseFolderType>`,
      },
      { name: 'anonymous type via its global element', xml: `<t:ServerVersionInfo xmlns:t="${T}" MajorVersion="15"/>` },
    ]);
    expect(results).toEqual(results.map(({ name }) => ({ name, valid: true, errors: [], issues: [] })));
  });

  it('still validates strictly: wrong roots fail for the reason the schema gives', async () => {
    const [missingId, missingShape] = await validator.validate([
      { name: 'item id without Id', xml: `<t:RoundTrip.ItemIdType xmlns:t="${T}" ChangeKey="CQAAAB=="/>` },
      { name: 'get item without ItemShape', xml: `<m:RoundTrip.GetItemType xmlns:m="${M}"/>` },
    ]);
    expect(missingId.errors).toEqual([expect.stringContaining("The attribute 'Id' is required but missing")]);
    expect(missingShape.errors).toEqual([expect.stringContaining('Missing child element(s)')]);
  });

  it('keeps the EWS global elements valid roots in the same run', async () => {
    const request = `<m:GetItem xmlns:m="${M}" xmlns:t="${T}"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="A"/></m:ItemIds></m:GetItem>`;
    await expect(validator.validateOne(request)).resolves.toEqual({ valid: true, errors: [], issues: [] });
  });
});
