import { compileInline, typesXsd } from './inline-schema';

const importer = (location: string) => `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:o="urn:other" targetNamespace="urn:other">
  <xs:import namespace="urn:test:types" schemaLocation="${location}"/>
  <xs:complexType name="Other"/>
</xs:schema>`;

/** Servers publish messages.xsd importing types.xsd by URL; codegen never downloads. */
describe('schema imports', () => {
  it('resolves an import by URL from the file of that name in the same directory', () => {
    const compiled = compileInline({ 'other.xsd': importer('https://mail.contoso.com/EWS/types.xsd'), 'types.xsd': typesXsd('<xs:complexType name="A"/>') });
    expect(Object.keys(compiled.schema.types)).toEqual(expect.arrayContaining(['A', 'Other']));
  });

  it('names the importing file and the URL when no such file is next to it', () => {
    expect(() => compileInline({ 'other.xsd': importer('https://mail.contoso.com/EWS/missing.xsd'), 'types.xsd': typesXsd('') }))
      .toThrow(/other\.xsd:3: xs:import schemaLocation="https:\/\/mail\.contoso\.com\/EWS\/missing\.xsd" points at a URL.*missing\.xsd/);
  });

  it('names the importing file and the import when the file is missing', () => {
    expect(() => compileInline({ 'other.xsd': importer('nope/types.xsd'), 'types.xsd': typesXsd('') }))
      .toThrow(/other\.xsd:3: xs:import schemaLocation="nope\/types\.xsd": no such file/);
  });
});
