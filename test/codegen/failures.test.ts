import { compileInline, compileTypes, typesXsd } from './inline-schema';

/** The generator refuses what it does not understand, naming the file and line. */
describe('unsupported or inconsistent schemas fail loudly with their location', () => {
  it.each([
    ['mixed content', `<xs:complexType name="A" mixed="true"><xs:sequence/></xs:complexType>`, /types\.xsd:3: mixed content is not supported/],
    ['xs:redefine', `<xs:redefine schemaLocation="x.xsd"/>`, /types\.xsd:3: unsupported XSD construct <xs:redefine>/],
    ['a global attribute', `<xs:attribute name="Loose" type="xs:string"/>`, /unsupported XSD construct <xs:attribute>/],
    ['an undefined type', `<xs:complexType name="A"><xs:sequence><xs:element name="X" type="t:Nope"/></xs:sequence></xs:complexType>`, /undefined type .*Nope/],
    ['an undeclared prefix', `<xs:complexType name="A"><xs:sequence><xs:element name="X" type="q:Nope"/></xs:sequence></xs:complexType>`, /types\.xsd:3: undeclared namespace prefix 'q'/],
    ['an element and an attribute with one property name',
      `<xs:complexType name="A"><xs:sequence><xs:element name="Id" type="xs:string"/></xs:sequence><xs:attribute name="Id" type="xs:string"/></xs:complexType>`,
      /property 'Id' of A is declared twice/],
    ['an unnamed repeated choice beside other content',
      `<xs:complexType name="A"><xs:sequence><xs:element name="X" type="xs:string"/><xs:choice maxOccurs="unbounded"><xs:element name="P" type="xs:string"/><xs:element name="Q" type="xs:string"/></xs:choice></xs:sequence></xs:complexType>`,
      /A has a repeated choice besides other content: name it in codegen\/overlay\.ts/],
  ])('%s', (_label, body, message) => {
    expect(() => compileTypes(body)).toThrow(message);
  });

  const other = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:o="urn:other" targetNamespace="urn:other">
  <xs:import namespace="urn:test:types" schemaLocation="types.xsd"/>
  <xs:complexType name="Same"/>
</xs:schema>`;

  it('a type name defined in two namespaces is no failure: both are kept, the other namespace\'s one named Same_o', () => {
    const { schema, renamedTypes } = compileInline({ 'other.xsd': other, 'types.xsd': typesXsd('<xs:complexType name="Same"/>') });
    expect([schema.types.Same?.ns, schema.types.Same_o?.ns]).toEqual(['t', 'o']);
    expect(renamedTypes).toEqual([{ type: '{urn:other}Same', as: 'Same_o' }]);
  });

  it('a type name defined in two namespaces whose distinct name is taken too', () => {
    expect(() => compileInline({ 'other.xsd': other, 'types.xsd': typesXsd('<xs:complexType name="Same"/><xs:complexType name="Same_o"/>') }))
      .toThrow(/two types would both be named Same_o/);
  });

  it('an import of a non-XML namespace without a schemaLocation', () => {
    expect(() => compileTypes('<xs:import namespace="urn:elsewhere"/>')).toThrow(/urn:elsewhere has no schemaLocation/);
  });
});
