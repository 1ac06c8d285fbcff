/**
 * SchemaSet → TypeScript declarations (as ts-morph structures): an interface per complex type, a
 * string-literal union plus a runtime value list per enumeration, aliases for the other simple types,
 * and a tagged union per compound field so TypeScript narrows mixed items on `$el`.
 */
import { StatementStructures, StructureKind } from 'ts-morph';
import { unionTsType } from './union-types';
import type {
  ComplexTypeDesc, ElementDesc, FieldDesc, SchemaSet, SimpleTypeDesc, TypeDesc,
} from '../../src/schema/descriptors';
import { VersionDocs } from './version-docs';

const NUMERIC = new Set([
  'xs:int', 'xs:short', 'xs:byte', 'xs:long', 'xs:integer', 'xs:nonNegativeInteger', 'xs:positiveInteger',
  'xs:unsignedInt', 'xs:unsignedShort', 'xs:unsignedByte', 'xs:unsignedLong', 'xs:decimal', 'xs:double', 'xs:float',
]);

/** The TS type of a built-in, per the instance model. */
export function builtinTsType(builtin: string): string {
  if (builtin === 'xs:boolean') return 'boolean';
  if (NUMERIC.has(builtin)) return 'number';
  if (builtin === 'xs:anyType') return 'unknown';
  return 'string';
}

export class TypeEmitter {
  /** Types that other types extend, with every type derived from them (for `$type`). */
  private readonly derived = new Map<string, string[]>();
  private readonly since: VersionDocs;

  constructor(private readonly schema: SchemaSet) {
    this.since = new VersionDocs(schema);
    for (const type of Object.values(schema.types)) {
      if (type.kind !== 'complex') continue;
      for (let base = type.base; base; base = this.complex(base)?.base) {
        const list = this.derived.get(base) ?? [];
        list.push(type.name);
        this.derived.set(base, list);
      }
    }
  }

  /** Namespace of the file being emitted: types of other namespaces are referenced as `t.Name`. */
  private currentNs = '';

  /** Statements for every type of one namespace (`t` or `m`), in name order. */
  statements(ns: string): StatementStructures[] {
    this.currentNs = ns;
    return Object.values(this.schema.types)
      .filter((type) => type.ns === ns)
      .flatMap((type) => (type.kind === 'simple' ? this.simple(type) : this.complexType(type)));
  }

  /** The TS type of a descriptor type reference. */
  tsType(ref: string): string {
    if (ref.startsWith('xs:')) return builtinTsType(ref);
    const ns = this.schema.types[ref]?.ns;
    return ns && ns !== this.currentNs ? `${ns}.${ref}` : ref;
  }

  private complex(name: string): ComplexTypeDesc | undefined {
    const type = this.schema.types[name];
    return type?.kind === 'complex' ? type : undefined;
  }

  private simple(type: SimpleTypeDesc): StatementStructures[] {
    const docs = [`${type.ns}:${type.name}${type.enum ? ` (${type.enum.length} values)` : ''}${this.since.enumValues(type.name, type.enum ?? [])}${this.since.type(type.name)}`];
    if (type.enum) {
      return [
        { kind: StructureKind.TypeAlias, isExported: true, name: type.name, docs, type: type.enum.map(literal).join(' | ') },
        {
          kind: StructureKind.VariableStatement, isExported: true, docs: [`Every value of ${type.name}, in schema order.`],
          declarationKind: 'const' as never,
          declarations: [{ name: `${type.name}Values`, initializer: `[${type.enum.map(literal).join(', ')}] as const` }],
        },
      ];
    }
    const alias = type.list ? `${this.tsType(type.list)}[]` : type.union ? unionTsType(this.schema, type.union, (ref) => this.tsType(ref)) : builtinTsType(type.builtin);
    return [{ kind: StructureKind.TypeAlias, isExported: true, name: type.name, docs, type: alias }];
  }

  private complexType(type: ComplexTypeDesc): StatementStructures[] {
    const docs = [`${type.ns}:${type.name}${type.abstract ? ' (abstract)' : ''}${this.since.type(type.name)}`];
    if (type.wrapper) {
      const field = type.fields[0];
      const entry = field.kind === 'compound' ? `${type.name}Entry` : this.elementValue(field.kind === 'element' ? field.element : undefined);
      const statements: StatementStructures[] = [
        { kind: StructureKind.TypeAlias, isExported: true, name: type.name, docs, type: arrayOf(entry) },
      ];
      if (field.kind === 'compound') statements.push(this.entryUnion(`${type.name}Entry`, field.alternatives));
      return statements;
    }
    const statements: StatementStructures[] = [];
    const properties = [];
    const subtypes = this.derived.get(type.name);
    if (subtypes) {
      properties.push({
        name: '$type', hasQuestionToken: true,
        docs: ['xsi:type: set when the value is of a derived type.'],
        type: [type.name, ...subtypes].map(literal).join(' | '),
      });
    }
    if (type.text) properties.push({ name: '$value', type: this.tsType(type.text), docs: ['The element text.'] });
    for (const attr of type.attributes) {
      properties.push({
        name: propName(attr.prop), hasQuestionToken: !attr.required, type: this.tsType(attr.type),
        docs: [`Attribute ${attr.ns ? `${attr.ns}:` : ''}${attr.name}.${this.since.member(type.name, `@${attr.name}`)}`],
      });
    }
    const seen = new Set<string>();
    for (const field of type.fields) {
      if (seen.has(field.prop)) continue; // the same element in two branches of one choice
      seen.add(field.prop);
      properties.push(this.property(type, field, statements));
    }
    const base = type.derivation === 'extension' && type.base && !type.base.startsWith('xs:') ? this.tsType(type.base) : 'Extensible';
    statements.unshift({
      kind: StructureKind.Interface, isExported: true, name: type.name, docs, extends: [base], properties,
    });
    return statements;
  }

  private property(owner: ComplexTypeDesc, field: FieldDesc, statements: StatementStructures[]) {
    switch (field.kind) {
      case 'element': {
        const value = this.elementValue(field.element);
        const optional = field.min === 0 || field.choice !== undefined;
        const docs = [
          `${field.element.ns}:${field.element.name}${field.choice ? ' (one of a choice)' : ''}${field.many ? ', repeated' : ''}.${this.since.member(owner.name, field.element.name)}`,
        ];
        return { name: propName(field.prop), hasQuestionToken: optional, type: field.many ? arrayOf(value) : value, docs };
      }
      case 'compound': {
        const entry = `${owner.name}${field.prop}Entry`;
        statements.push(this.entryUnion(entry, field.alternatives));
        return {
          name: propName(field.prop), hasQuestionToken: field.min === 0, type: `${entry}[]`,
          docs: [`Repeated choice of ${field.alternatives.length} elements, in document order; narrow on \`$el\`.`],
        };
      }
      case 'any':
        return { name: '$any', hasQuestionToken: field.min === 0, type: field.many ? 'AnyEntry[]' : 'AnyEntry', docs: ['Wildcard (xs:any) content.'] };
    }
  }

  private elementValue(element: ElementDesc | undefined): string {
    if (!element) return 'unknown';
    const value = this.tsType(element.type);
    return element.nillable ? `${value} | null` : value;
  }

  /** Whether an element's value is an object (it then carries `$el` itself) rather than a simple value or an array. */
  private holdsObject(element: ElementDesc): boolean {
    const type = this.schema.types[element.type];
    return type?.kind === 'complex' && !type.wrapper && !element.nillable;
  }

  private entryUnion(name: string, alternatives: readonly ElementDesc[]): StatementStructures {
    return {
      kind: StructureKind.TypeAlias, isExported: true, name,
      docs: ['One entry: the element named by `$el`.'],
      type: alternatives.map((alt) => `${this.holdsObject(alt) ? 'Tagged' : 'TaggedValue'}<${literal(alt.name)}, ${this.elementValue(alt)}>`).join('\n  | '),
    };
  }
}

export function isComplex(type: TypeDesc): type is ComplexTypeDesc {
  return type.kind === 'complex';
}

export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function arrayOf(type: string): string {
  return /[\s|]/.test(type) ? `Array<${type}>` : `${type}[]`;
}

/** Property names are XML names; quote the ones that are not TS identifiers. */
export function propName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name);
}
