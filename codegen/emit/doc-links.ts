/**
 * `@see <url>` links to Microsoft's reference pages in the JSDoc of generated declarations, from
 * codegen/docs/reference-pages.json (see the README beside it). Applied to the emitted structures
 * after TypeEmitter built them, so the emitter itself stays about types.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { JSDocStructure, OptionalKind, StatementStructures, StructureKind } from 'ts-morph';
import type { SchemaSet } from '../../src/schema/descriptors';

interface ReferencePages {
  readonly operations: Readonly<Record<string, string>>;
  readonly types: Readonly<Record<string, string>>;
  readonly byTypeAndChild: Readonly<Record<string, string>>;
  readonly byTypeAndAttribute: Readonly<Record<string, string>>;
}

type Docs = Array<OptionalKind<JSDocStructure> | string>;

let pages: ReferencePages | undefined;

export function referencePages(): ReferencePages {
  pages ??= JSON.parse(readFileSync(join(__dirname, '../docs/reference-pages.json'), 'utf8')) as ReferencePages;
  return pages;
}

/** The docs with a `@see` line added to their last comment (or a new comment holding only the link). */
export function withSee(docs: Docs | undefined, url: string | undefined): Docs | undefined {
  if (!url) return docs;
  const list = [...(docs ?? [])];
  const last = list.pop();
  const text = last === undefined ? '' : typeof last === 'string' ? last : String(last.description ?? '');
  list.push(text ? `${text}\n@see ${url}` : `@see ${url}`);
  return list;
}

/** Adds the reference page links to the declarations of one namespace's types. */
export function linkTypeDocs(statements: StatementStructures[], schema: SchemaSet): StatementStructures[] {
  const refs = referencePages();
  return statements.map((statement) => {
    if (statement.kind !== StructureKind.Interface && statement.kind !== StructureKind.TypeAlias) return statement;
    const type = schema.types[statement.name];
    if (!type) return statement;
    const key = `${type.ns}:${type.name}`;
    const linked = { ...statement, docs: withSee(statement.docs, refs.types[key]) };
    if (linked.kind !== StructureKind.Interface || type.kind !== 'complex') return linked;
    const attributes = new Map(type.attributes.map((attr) => [attr.prop, attr.name]));
    const children = new Map(type.fields.flatMap((field) => (field.kind === 'element' ? [[field.prop, field.element.name] as const] : [])));
    return {
      ...linked,
      properties: linked.properties?.map((property) => {
        const name = property.name.replace(/^'|'$/g, '');
        const attribute = attributes.get(name);
        const child = children.get(name);
        const url = attribute !== undefined ? refs.byTypeAndAttribute[`${key}/@${attribute}`]
          : child !== undefined ? refs.byTypeAndChild[`${key}/${child}`] : undefined;
        return { ...property, docs: withSee(property.docs, url) };
      }),
    };
  });
}

/** The reference page of an operation. */
export function operationPage(name: string): string | undefined {
  return referencePages().operations[name];
}
