/**
 * The generator's pipeline: schema files → model → named passes → SchemaSet (the descriptors the
 * runtime interprets). Emitting TypeScript from the SchemaSet is codegen/emit/'s job.
 */
import { existsSync } from 'fs';
import { join } from 'path';
import type { GlobalElementDesc, SchemaSet } from '../src/schema/descriptors';
import { SchemaModel } from './model';
import { markArrayWrappers } from './passes/array-wrappers';
import { checkProperties } from './passes/check-properties';
import { complexTypeDescs } from './passes/complex-types';
import { ContentFlattener } from './passes/content-fields';
import { simpleTypeDescs } from './passes/simple-types';
import { SubstitutionGroups } from './passes/substitution-groups';
import { TypeNames } from './passes/type-names';
import { readOperations } from './wsdl/operations';
import { buildModel } from './xsd/build-model';
import { loadSchemaDocuments } from './xsd/load-schemas';
import { SchemaError } from './xsd/xml-tree';

export interface CompiledSchema {
  readonly schema: SchemaSet;
  readonly model: SchemaModel;
  readonly substitutionHeads: Array<{ head: string; members: number }>;
}

export function compileSchemaDir(dir: string): CompiledSchema {
  const wsdl = join(dir, 'services.wsdl');
  if (!existsSync(wsdl)) throw new SchemaError(`${dir} has no services.wsdl: the SDK's operations come from it (save https://<server>/EWS/services.wsdl there)`);
  return compileSchemaFiles([wsdl]);
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
  return { schema: { namespaces, types, elements, operations: {} }, model, substitutionHeads: substitutions.heads() };
}

function operationsOf(wsdl: string, model: SchemaModel) {
  return Object.fromEntries(readOperations(wsdl, model).map((op) => [op.name, op]));
}
