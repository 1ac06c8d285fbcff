/**
 * The generator's pipeline: schema files → model → named passes → SchemaSet (the descriptors the
 * runtime interprets). Emitting TypeScript from the SchemaSet is codegen/emit/'s job.
 */
import { existsSync } from 'fs';
import { join } from 'path';
import type { GlobalElementDesc, OperationDesc, SchemaSet } from '../src/schema/descriptors';
import { SchemaModel } from './model';
import { markArrayWrappers } from './passes/array-wrappers';
import { checkProperties } from './passes/check-properties';
import { complexTypeDescs } from './passes/complex-types';
import { ContentFlattener } from './passes/content-fields';
import { simpleTypeDescs } from './passes/simple-types';
import { SubstitutionGroups } from './passes/substitution-groups';
import { TypeNames } from './passes/type-names';
import { loadSetDocuments } from './versions/set-documents';
import { inferOperations } from './wsdl/infer-operations';
import { readOperations } from './wsdl/operations';
import { buildModel } from './xsd/build-model';
import { loadSchemaDocuments } from './xsd/load-schemas';
import { SchemaError } from './xsd/xml-tree';

export interface CompiledSchema {
  readonly schema: SchemaSet;
  readonly model: SchemaModel;
  readonly substitutionHeads: Array<{ head: string; members: number }>;
  /** Types renamed because a type of another namespace has the same local name. */
  readonly renamedTypes: ReadonlyArray<{ readonly type: string; readonly as: string }>;
  /** Set when the folder had no services.wsdl and the operations were inferred from messages.xsd. */
  readonly inferredOperations?: { readonly count: number; readonly byNameOnly: readonly string[] };
  /** Types of a doubtful set compiled in a neighbour's form (codegen/versions/set-documents.ts). */
  readonly restoredTypes?: { readonly types: readonly string[]; readonly from: string };
}

export interface CompileDirOptions {
  /**
   * Operations the WSDLs of other sets declare (oldest set first), for a folder without services.wsdl:
   * its operations are then inferred from messages.xsd (codegen/wsdl/infer-operations.ts).
   */
  readonly knownOperations?: readonly OperationDesc[];
}

/** Compiles a schema folder: services.wsdl (and what it imports), or messages.xsd when it has no WSDL. */
export function compileSchemaDir(dir: string, options: CompileDirOptions = {}): CompiledSchema {
  const wsdl = join(dir, 'services.wsdl');
  const messages = join(dir, 'messages.xsd');
  const hasWsdl = existsSync(wsdl);
  if (!hasWsdl && !existsSync(messages)) {
    throw new SchemaError(`${dir} has neither services.wsdl nor messages.xsd: save https://<server>/EWS/services.wsdl, messages.xsd and types.xsd there`);
  }
  const { documents, restored } = loadSetDocuments(dir, hasWsdl ? wsdl : messages);
  const model = buildModel(documents);
  const compiled = { ...compileModel(model), ...(restored && { restoredTypes: restored }) };
  if (hasWsdl) return { ...compiled, schema: { ...compiled.schema, operations: operationsOf(wsdl, model) } };
  const inferred = inferOperations(model, options.knownOperations ?? []);
  return {
    ...compiled,
    schema: { ...compiled.schema, operations: Object.fromEntries(inferred.operations.map((op) => [op.name, op])) },
    inferredOperations: { count: inferred.operations.length, byNameOnly: inferred.byNameOnly },
  };
}

/** Compiles schema files (a .wsdl, whose operations are read too, or .xsd entry points). */
export function compileSchemaFiles(paths: readonly string[]): CompiledSchema {
  const model = buildModel(loadSchemaDocuments(paths));
  const compiled = compileModel(model);
  const wsdl = paths.find((p) => p.endsWith('.wsdl'));
  return wsdl ? { ...compiled, schema: { ...compiled.schema, operations: operationsOf(wsdl, model) } } : compiled;
}

export function compileModel(model: SchemaModel): CompiledSchema {
  const names = new TypeNames(model);
  const substitutions = new SubstitutionGroups(model);
  const flattener = new ContentFlattener(model, names, substitutions);
  const complex = markArrayWrappers(complexTypeDescs(model, names, flattener));
  checkProperties(complex);
  const types = Object.fromEntries(
    [...simpleTypeDescs(model, names), ...complex].sort((a, b) => a.name.localeCompare(b.name, 'en')).map((t) => [t.name, t]),
  );
  const elements: Record<string, GlobalElementDesc> = {};
  for (const el of model.elements.values()) {
    elements[`${names.prefix(el.name)}:${el.name.local}`] = {
      name: el.name.local,
      ns: names.prefix(el.name),
      type: names.ref(el.type),
      ...(el.nillable && { nillable: true }),
      ...(el.abstract && { abstract: true }),
      ...(el.substitutionGroup && { substitutionGroup: `${names.prefix(el.substitutionGroup)}:${el.substitutionGroup.local}` }),
    };
  }
  const namespaces = Object.fromEntries([...model.prefixes].map(([uri, prefix]) => [prefix, uri]));
  return {
    schema: { namespaces, types, elements, operations: {} },
    model,
    substitutionHeads: substitutions.heads(),
    renamedTypes: names.renamed.map(({ name, as }) => ({ type: `{${name.uri}}${name.local}`, as })),
  };
}

function operationsOf(wsdl: string, model: SchemaModel) {
  return Object.fromEntries(readOperations(wsdl, model).map((op) => [op.name, op]));
}
