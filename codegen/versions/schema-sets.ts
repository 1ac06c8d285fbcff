/**
 * The schema sets the version facts are computed from: every folder of schemas/versions/ plus the set
 * being generated, each compiled by the same pipeline as the SDK itself, ordered by the newest
 * ExchangeVersionType its own schema declares.
 */
import { existsSync, readdirSync, realpathSync } from 'fs';
import { basename, join } from 'path';
import type { SchemaSet } from '../../src/schema/descriptors';
import { compileModel } from '../compile-schema';
import { XS_NS } from '../model';
import { buildModel } from '../xsd/build-model';
import { loadSchemaDocuments, type SchemaDocument } from '../xsd/load-schemas';
import { readOperations } from '../wsdl/operations';
import { resolveQName } from '../xsd/xml-tree';
import { doubtfulSets } from './overlay';

export interface ComparedSet {
  readonly name: string;
  readonly dir: string;
  readonly schema: SchemaSet;
  /** Newest ExchangeVersionType value of the set. */
  readonly version: string;
  readonly versionValues: readonly string[];
  /** Operations inferred from request/response elements (the set has no services.wsdl). */
  readonly inferredOperations: boolean;
}

/** A compared (not generated) set: compiled leniently where its files would stop the generator. */
export function compileSetDir(dir: string): { schema: SchemaSet; inferredOperations: boolean } {
  const wsdl = join(dir, 'services.wsdl');
  const inferredOperations = !existsSync(wsdl);
  const documents = loadSchemaDocuments([inferredOperations ? join(dir, 'messages.xsd') : wsdl]);
  const doubt = doubtfulSets[basename(dir)];
  if (doubt?.editedTypes && doubt.editedTypesFrom) {
    // The uploader's rewrites do not compile (a repeated choice besides other content, a content
    // model that is not deterministic): compile the neighbour's form of those types instead.
    const neighbour = loadSchemaDocuments([join(dir, '..', doubt.editedTypesFrom, 'messages.xsd')]);
    replaceComplexTypes(documents, neighbour, new Set(doubt.editedTypes));
  }
  renameClashingMessageTypes(documents);
  const model = buildModel(documents);
  const compiled = compileModel(model);
  return {
    schema: inferredOperations ? compiled.schema : { ...compiled.schema, operations: Object.fromEntries(readOperations(wsdl, model).map((op) => [op.name, op])) },
    inferredOperations,
  };
}

/**
 * exchange2016 names a few types alike in types.xsd and messages.xsd (SetUnifiedGroupSenderRestrictionsRequestType),
 * which the SDK's one-name-per-type model refuses; for comparing, the messages.xsd one is renamed (`…$m`).
 */
function renameClashingMessageTypes(documents: readonly SchemaDocument[]): void {
  const isType = (node: SchemaDocument['root']) => node.uri === XS_NS && (node.local === 'complexType' || node.local === 'simpleType');
  const typesDoc = documents.find((d) => d.name.toLowerCase() === 'types.xsd');
  const messagesDoc = documents.find((d) => d.name.toLowerCase() === 'messages.xsd');
  if (!typesDoc || !messagesDoc) return;
  const inTypes = new Set(typesDoc.root.children.filter(isType).map((n) => n.attributes.name));
  const clashing = new Set(messagesDoc.root.children.filter((n) => isType(n) && inTypes.has(n.attributes.name)).map((n) => n.attributes.name));
  if (!clashing.size) return;
  const messagesNs = messagesDoc.root.attributes.targetNamespace;
  const rename = (node: SchemaDocument['root']): void => {
    const attributes = node.attributes as Record<string, string>;
    if (isType(node) && clashing.has(attributes.name)) attributes.name = `${attributes.name}$m`;
    for (const attr of ['type', 'base']) {
      const value = attributes[attr];
      if (!value) continue;
      const name = resolveQName(node, value);
      if (name.uri === messagesNs && clashing.has(name.local)) attributes[attr] = `${value}$m`;
    }
    node.children.forEach(rename);
  };
  rename(messagesDoc.root);
}

function replaceComplexTypes(documents: readonly SchemaDocument[], from: readonly SchemaDocument[], names: ReadonlySet<string>): void {
  const isNamed = (node: SchemaDocument['root']) => node.uri === XS_NS && node.local === 'complexType' && names.has(node.attributes.name);
  const replacements = new Map(from.flatMap((doc) => doc.root.children.filter(isNamed).map((node) => [`${doc.name}/${node.attributes.name}`, node] as const)));
  for (const doc of documents) {
    const children = doc.root.children;
    for (let i = 0; i < children.length; i++) {
      const replacement = isNamed(children[i]) && replacements.get(`${doc.name}/${children[i].attributes.name}`);
      if (replacement) children[i] = replacement;
    }
  }
}

/** The folders of `versionsDir` that hold a schema set, plus `extra` ones. */
export function setDirs(versionsDir: string, extra: readonly string[] = []): string[] {
  const dirs = existsSync(versionsDir)
    ? readdirSync(versionsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(versionsDir, d.name))
    : [];
  return [...dirs, ...extra];
}

/** The sets in `dirs` and the generated set `targetDir` (once, if it is one of them), oldest first. */
export function loadComparedSets(dirs: readonly string[], targetDir: string, target: SchemaSet): ComparedSet[] {
  const targetReal = realpathSync(targetDir);
  const sets: ComparedSet[] = [];
  for (const dir of dirs.filter((d) => existsSync(join(d, 'types.xsd')))) {
    const isTarget = realpathSync(dir) === targetReal;
    const compiled = isTarget ? { schema: target, inferredOperations: false } : compileSetDir(dir);
    sets.push(described(basename(dir), dir, compiled.schema, compiled.inferredOperations));
  }
  if (!sets.some((s) => realpathSync(s.dir) === targetReal)) sets.push(described(basename(targetDir), targetDir, target, false));
  const order = longestVersionList(sets);
  // Stable: equal releases keep folder order.
  return sets.map((s, i) => ({ s, i })).sort((a, b) => order.indexOf(a.s.version) - order.indexOf(b.s.version) || a.i - b.i).map(({ s }) => s);
}

function described(name: string, dir: string, schema: SchemaSet, inferredOperations: boolean): ComparedSet {
  const versionType = schema.types.ExchangeVersionType;
  const versionValues = versionType?.kind === 'simple' ? versionType.enum ?? [] : [];
  if (!versionValues.length) throw new Error(`${dir}: no ExchangeVersionType enumeration; cannot tell which release it is`);
  return { name, dir, schema, version: versionValues[versionValues.length - 1], versionValues, inferredOperations };
}

/** Every ExchangeVersionType value, oldest first: the longest list (later schemas only append). */
export function longestVersionList(sets: readonly ComparedSet[]): readonly string[] {
  return sets.reduce<readonly string[]>((longest, s) => (s.versionValues.length > longest.length ? s.versionValues : longest), []);
}

export const doubtOf = (set: ComparedSet) => doubtfulSets[set.name];
