/**
 * Writes generated/: types (one file per schema namespace), the element and operation type maps, the
 * descriptor constant, and an index. Every file starts with the same fixed header, without a
 * timestamp, so regenerating unchanged schemas changes nothing.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { IndentationText, Project, QuoteKind, SourceFile, StatementStructures, StructureKind } from 'ts-morph';
import type { SchemaSet } from '../../src/schema/descriptors';
import { resolveFieldUris } from '../passes/field-uris';
import { linkTypeDocs, operationPage, withSee } from './doc-links';
import { DATE_INPUT, InputTypeEmitter } from './input-types';
import { printJsonParse, printTypeTable, printLiteral } from './literal';
import { TypeEmitter } from './ts-types';
import { VersionDocs } from './version-docs';

export interface EmitOptions {
  readonly outDir: string;
  /** Import path from generated/ to the runtime's schema module (src/schema). */
  readonly runtimeImport: string;
  /** Named in the header: where the schemas came from and their checksum. */
  readonly source: string;
}

export interface EmittedFile {
  readonly path: string;
  readonly text: string;
}

/** File name of each namespace's types. */
const NAMESPACE_FILES: Readonly<Record<string, string>> = { t: 'types', m: 'messages' };

export function emitAll(schema: SchemaSet, options: EmitOptions): EmittedFile[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces },
  });
  const emitter = new TypeEmitter(schema);
  const header = generatedHeader(options.source);
  const files: SourceFile[] = [];
  const add = (name: string, statements: (string | StatementStructures)[]) => {
    files.push(project.createSourceFile(`/${name}.ts`, { statements }, { overwrite: true }));
  };
  const namespaces = [...new Set(Object.values(schema.types).map((t) => t.ns))].sort();
  const fileOf = (ns: string) => NAMESPACE_FILES[ns] ?? `types-${ns}`;

  for (const ns of namespaces) {
    const otherFiles = namespaces.filter((other) => other !== ns);
    const statements = linkTypeDocs(emitter.statements(ns), schema);
    add(fileOf(ns), [
      importFrom(`${options.runtimeImport}/instance`, helpersUsedBy(statements)),
      // Types of another namespace are referenced qualified (`t.ItemType`), as in the schemas.
      ...otherFiles.filter((other) => references(schema, ns, other)).map((other) => ({
        kind: StructureKind.ImportDeclaration as const, isTypeOnly: true, moduleSpecifier: `./${fileOf(other)}`, namespaceImport: other,
      })),
      ...statements,
    ]);
  }
  const typeImports = (referenced: Iterable<string>) => namespaces.filter((ns) => [...referenced].includes(ns)).map((ns) => ({
    kind: StructureKind.ImportDeclaration as const, isTypeOnly: true, moduleSpecifier: `./${fileOf(ns)}`, namespaceImport: ns,
  }));
  const nsOfElementType = (key: string) => schema.types[schema.elements[key].type]?.ns ?? '';
  const tsOf = (ref: string) => {
    const type = schema.types[ref];
    return type ? `${type.ns}.${ref}` : emitter.tsType(ref);
  };
  add('elements', [
    ...typeImports(Object.keys(schema.elements).map(nsOfElementType)),
    {
      kind: StructureKind.Interface, isExported: true, name: 'ElementTypes',
      docs: ['The value type of every global element, by `prefix:name`.'],
      properties: Object.entries(schema.elements).map(([key, el]) => ({ name: `'${key}'`, type: tsOf(el.type) })),
    },
    { kind: StructureKind.TypeAlias, isExported: true, name: 'ElementName', type: 'keyof ElementTypes' },
  ]);
  const inputs = new InputTypeEmitter(schema);
  const inputStatements = inputs.statements();
  add('inputs', [
    importFrom(`${options.runtimeImport}/instance`, [...helpersUsedBy(inputStatements), DATE_INPUT].sort()),
    ...typeImports(namespaces),
    ...inputStatements,
  ]);
  const versionDocs = new VersionDocs(schema);
  const requestInputs = Object.values(schema.operations).map((op) => schema.elements[op.request].type).filter((type) => inputs.differing.has(type));
  add('operations', [
    ...typeImports(Object.values(schema.operations).flatMap((op) => [nsOfElementType(op.request), nsOfElementType(op.response)])),
    ...(requestInputs.length ? [importFrom('./inputs', [...new Set(requestInputs)].sort().map((type) => `${type}Input`))] : []),
    {
      kind: StructureKind.Interface, isExported: true, name: 'OperationTypes',
      docs: ['Request and response body types of every operation in services.wsdl: `request` as read, `requestInput` as a client writes it (dates as `Date`s, no server-computed elements; generated/inputs.ts).'],
      properties: Object.values(schema.operations).map((op) => ({
        name: op.name,
        docs: withSee(versionDocs.operation(op.name) ? [`${op.name}.${versionDocs.operation(op.name)}`] : undefined, operationPage(op.name)),
        type: `{ request: ${tsOf(schema.elements[op.request].type)}; requestInput: ${inputs.differing.has(schema.elements[op.request].type) ? inputs.inputName(schema.elements[op.request].type) : tsOf(schema.elements[op.request].type)}; response: ${tsOf(schema.elements[op.response].type)} }`,
      })),
    },
    { kind: StructureKind.TypeAlias, isExported: true, name: 'OperationName', type: 'keyof OperationTypes' },
  ]);
  const { types, ...rest } = schema;
  add('schema', [
    importFrom(`${options.runtimeImport}/descriptors`, ['SchemaSet'], true),
    importFrom(`${options.runtimeImport}/type-table`, ['typesFromTable'], false),
    {
      kind: StructureKind.VariableStatement, isExported: true, declarationKind: 'const' as never,
      docs: ['Every descriptor of the schema set: the runtime reader and writer interpret these. Types are parsed one by one on first use (src/schema/type-table.ts).'],
      declarations: [{
        name: 'schema', type: 'SchemaSet',
        initializer: `{ ...${printJsonParse(rest as unknown as Record<string, unknown>)}, types: typesFromTable(${printTypeTable(types)}) } as SchemaSet`,
      }],
    },
  ]);
  const fieldUris = resolveFieldUris(schema);
  add('field-uris', [
    {
      kind: StructureKind.VariableStatement, isExported: true, declarationKind: 'const' as never,
      docs: ['The element each t:UnindexedFieldURIType value names: the declaring type and its property.'],
      declarations: [{ name: 'fieldUris', type: 'Readonly<Record<string, { readonly type: string; readonly prop: string }>>', initializer: printLiteral(fieldUris.resolved) }],
    },
    {
      kind: StructureKind.VariableStatement, isExported: true, declarationKind: 'const' as never,
      docs: ['FieldURIs that name no element of an item or folder type (search-only or computed properties), with the reason.'],
      declarations: [{ name: 'fieldUrisWithoutElement', type: 'Readonly<Record<string, string>>', initializer: printLiteral(fieldUris.unresolved) }],
    },
  ]);
  add('index', [
    ...namespaces.map((ns) => ({ kind: StructureKind.ExportDeclaration as const, moduleSpecifier: `./${fileOf(ns)}` })),
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './elements' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './operations' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './inputs' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './schema' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './field-uris' },
  ]);
  return files.map((file) => ({
    path: join(options.outDir, file.getBaseName()),
    text: header + file.getFullText(),
  }));
}

/** The first lines of every generated file: where it comes from, and that it is not edited by hand. */
export function generatedHeader(source: string): string {
  return [
    `// @generated by typed-ews codegen from ${source}.`,
    '// DO NOT EDIT: change the schemas or codegen/ and run `npm run codegen`.',
    '/* eslint-disable */',
    '',
  ].join('\n');
}

export function writeFiles(files: readonly EmittedFile[]): void {
  for (const file of files) {
    mkdirSync(join(file.path, '..'), { recursive: true });
    writeFileSync(file.path, file.text);
  }
}

function importFrom(moduleSpecifier: string, names: string[], isTypeOnly = true): StatementStructures {
  return { kind: StructureKind.ImportDeclaration, isTypeOnly, moduleSpecifier, namedImports: names };
}

/** The instance-model helper types a file's declarations use. */
function helpersUsedBy(statements: readonly StatementStructures[]): string[] {
  const text = JSON.stringify(statements);
  return ['AnyEntry', 'Extensible', 'Tagged', 'TaggedValue'].filter((name) => new RegExp(`\\b${name}\\b`).test(text));
}

/** Whether types of namespace `from` refer to types of namespace `to`. */
function references(schema: SchemaSet, from: string, to: string): boolean {
  const nsOf = (ref: string | undefined) => (ref ? schema.types[ref]?.ns : undefined);
  return Object.values(schema.types).some((type) => {
    if (type.ns !== from) return false;
    if (type.kind === 'simple') return nsOf(type.list) === to || (type.union ?? []).some((m) => nsOf(m) === to);
    return nsOf(type.base) === to || nsOf(type.text) === to
      || type.attributes.some((a) => nsOf(a.type) === to)
      || type.fields.some((f) => (f.kind === 'element' ? nsOf(f.element.type) === to
        : f.kind === 'compound' && f.alternatives.some((alt) => nsOf(alt.type) === to)));
  });
}
