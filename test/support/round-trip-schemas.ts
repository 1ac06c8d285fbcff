/**
 * Extra schema documents that let libxml2 validate a value of any named EWS complex type as a
 * document root: `<t:RoundTrip.CalendarItemType>` is declared with type `t:CalendarItemType`.
 *
 * Anonymous types (named by the generator, e.g. `ServerVersionInfo` or `Owner_Member`) have no XSD name
 * to declare an element with. The anonymous type of a global element is validated as that element
 * (`t:ServerVersionInfo`); the others, types of local elements, are validated inside a sample of
 * their owner type, which includes every optional field near its root (see `roundTripRoot`).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { ElementDesc, SchemaSet, TypeRef } from '../../src/schema/descriptors';
import { findPackageSchemaDir } from '../../src/validation/schema-files';
import { SchemaDocument, XsdValidator } from '../../src/validation/xsd-validator';

const XS = 'http://www.w3.org/2001/XMLSchema';
const TYPES_NS = 'http://schemas.microsoft.com/exchange/services/2006/types';
const MESSAGES_NS = 'http://schemas.microsoft.com/exchange/services/2006/messages';

/** The wrapper to compile; its siblings in `validation/` are xml.xsd and soap-envelope.xsd. */
export const ROUND_TRIP_ENTRY_SCHEMA = 'validation/roundtrip.xsd';

/** One schema per EWS namespace, including the EWS file of that namespace and adding the root elements. */
const NAMESPACE_SCHEMAS = [
  { uri: TYPES_NS, prefix: 't', fileName: 'validation/roundtrip-types.xsd', includes: '../ews/types.xsd' },
  { uri: MESSAGES_NS, prefix: 'm', fileName: 'validation/roundtrip-messages.xsd', includes: '../ews/messages.xsd' },
];

export function roundTripElementName(typeName: TypeRef): string {
  return `RoundTrip.${typeName}`;
}

const namedTypesByDir = new Map<string, ReadonlySet<string>>();

/** `{namespace}name` of every complex type the EWS XSDs declare by name (read once from schemas/ews/). */
export function xsdNamedComplexTypes(schemaDir: string = findPackageSchemaDir()): ReadonlySet<string> {
  let names = namedTypesByDir.get(schemaDir);
  if (!names) {
    const found = new Set<string>();
    for (const file of ['types.xsd', 'messages.xsd']) collectTopLevelComplexTypes(readFileSync(path.join(schemaDir, 'ews', file), 'utf8'), found);
    names = found;
    namedTypesByDir.set(schemaDir, names);
  }
  return names;
}

function collectTopLevelComplexTypes(xsd: string, into: Set<string>): void {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let targetNamespace = '';
  parser.on('opentag', (tag) => {
    if (depth === 0) targetNamespace = tag.attributes.targetNamespace?.value ?? '';
    const name = tag.attributes.name?.value;
    if (depth === 1 && tag.uri === XS && tag.local === 'complexType' && name) into.add(`{${targetNamespace}}${name}`);
    if (!tag.isSelfClosing) depth++;
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  parser.write(xsd).close();
}

function isNamedInXsd(schema: SchemaSet, typeName: TypeRef, named: ReadonlySet<string>): boolean {
  const type = schema.types[typeName];
  return type?.kind === 'complex' && named.has(`{${schema.namespaces[type.ns]}}${typeName}`);
}

/**
 * The element to write a value of `typeName` as, for validating it as a document root: the RoundTrip
 * element of a named type, or the global element whose anonymous type it is; undefined for the anonymous
 * type of a local element (validate a sample of its owner instead).
 */
export function roundTripRoot(schema: SchemaSet, typeName: TypeRef, named = xsdNamedComplexTypes()): ElementDesc | undefined {
  if (isNamedInXsd(schema, typeName, named)) return { name: roundTripElementName(typeName), ns: schema.types[typeName].ns, type: typeName };
  return Object.values(schema.elements).find((element) => element.type === typeName);
}

/** The round-trip schemas, named for `XsdValidator`'s `extraSchemas` (entry: ROUND_TRIP_ENTRY_SCHEMA). */
export function roundTripSchemaFiles(schema: SchemaSet, named = xsdNamedComplexTypes()): SchemaDocument[] {
  const namespaceFiles = NAMESPACE_SCHEMAS.map(({ uri, prefix, fileName, includes }) => {
    const elements = Object.keys(schema.types)
      .filter((name) => isNamedInXsd(schema, name, named) && schema.namespaces[schema.types[name].ns] === uri)
      .map((name) => `  <xs:element name="${roundTripElementName(name)}" type="${prefix}:${name}"/>`);
    const contents = [
      `<xs:schema xmlns:xs="${XS}" xmlns:${prefix}="${uri}" targetNamespace="${uri}" elementFormDefault="qualified">`,
      `  <xs:include schemaLocation="${includes}"/>`,
      ...elements,
      '</xs:schema>',
    ].join('\n');
    return { fileName, contents };
  });
  const wrapper = [
    `<xs:schema xmlns:xs="${XS}">`,
    '  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>',
    // Types before messages: messages.xsd imports types.xsd itself, and libxml2 skips any later
    // import of a namespace it has already imported, which would lose the RoundTrip.* elements.
    ...namespaceFiles.map((file, i) => `  <xs:import namespace="${NAMESPACE_SCHEMAS[i].uri}" schemaLocation="${path.posix.basename(file.fileName)}"/>`),
    '  <xs:import namespace="http://schemas.xmlsoap.org/soap/envelope/" schemaLocation="soap-envelope.xsd"/>',
    '</xs:schema>',
  ].join('\n');
  return [{ fileName: ROUND_TRIP_ENTRY_SCHEMA, contents: wrapper }, ...namespaceFiles];
}

/** A validator for RoundTrip roots, global elements and whole envelopes alike. */
export function createRoundTripValidator(schema: SchemaSet, named = xsdNamedComplexTypes()): Promise<XsdValidator> {
  return XsdValidator.create({ extraSchemas: roundTripSchemaFiles(schema, named), entrySchema: ROUND_TRIP_ENTRY_SCHEMA });
}
