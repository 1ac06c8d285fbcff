/**
 * The schema documents of a set folder, with the rewrites of a doubtful set undone: php-ews's Exchange
 * 2013 SP1 copy rewrote 12 complexTypes for PHP's SoapClient, and its forms do not compile (a repeated
 * choice besides other content, a content model that is not deterministic). The neighbour's form of those
 * types (codegen/versions/overlay.ts, from schemas/versions/PROVENANCE.md) is compiled instead.
 */
import { basename, join } from 'path';
import { XS_NS } from '../model';
import { loadSchemaDocuments, type SchemaDocument } from '../xsd/load-schemas';
import { doubtfulSets } from './overlay';

export interface SetDocuments {
  readonly documents: SchemaDocument[];
  /** The types whose neighbour's form was compiled, and that neighbour. */
  readonly restored?: { readonly types: readonly string[]; readonly from: string };
}

/** Loads from `entry` (services.wsdl or messages.xsd of the folder `dir`). */
export function loadSetDocuments(dir: string, entry: string): SetDocuments {
  const documents = loadSchemaDocuments([entry]);
  const doubt = doubtfulSets[basename(dir)];
  if (!doubt?.editedTypes || !doubt.editedTypesFrom) return { documents };
  const neighbour = loadSchemaDocuments([join(dir, '..', doubt.editedTypesFrom, 'messages.xsd')]);
  replaceComplexTypes(documents, neighbour, new Set(doubt.editedTypes));
  return { documents, restored: { types: doubt.editedTypes, from: doubt.editedTypesFrom } };
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
