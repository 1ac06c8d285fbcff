/**
 * Input variants of the generated types: what requests accept where it differs from what responses
 * carry. `CalendarItemTypeInput` takes a `Date` (or the lexical string) wherever the schema has
 * xs:dateTime or xs:date, and leaves out the elements the server computes (overlay.serverComputed:
 * ItemId, DateTimeCreated, Size, IsRecurring…). A type that differs in neither way, directly or through
 * the types it holds, has no variant: inputs use the output type itself. Output types are unchanged, so
 * an item read from a response can still be passed where an input is expected.
 */
import { StatementStructures, StructureKind } from 'ts-morph';
import type { ComplexTypeDesc, ElementDesc, FieldDesc, SchemaSet } from '../../src/schema/descriptors';
import { overlay } from '../overlay';
import { withSee, referencePages } from './doc-links';
import { arrayOf, builtinTsType, literal, propName } from './ts-types';

type Docs = ReturnType<typeof withSee>;

const DATE_BUILTINS = new Set(['xs:dateTime', 'xs:date']);
/** The input type of a date: a Date (written with its UTC offset) or the lexical string. */
export const DATE_INPUT = 'DateInput';

export class InputTypeEmitter {
  /** Types that need an input variant. */
  readonly differing = new Set<string>();
  private readonly derived = new Map<string, string[]>();

  constructor(private readonly schema: SchemaSet) {
    const complex = Object.values(schema.types).filter((t): t is ComplexTypeDesc => t.kind === 'complex');
    for (const type of complex) {
      for (let base = type.base; base; base = this.complex(base)?.base) this.derived.set(base, [...(this.derived.get(base) ?? []), type.name]);
    }
    // A fixed point: a type differs when it holds a date or a server-computed element, or a type that differs.
    for (let changed = true; changed;) {
      changed = false;
      for (const type of complex) {
        if (!this.differing.has(type.name) && this.differs(type)) {
          this.differing.add(type.name);
          changed = true;
        }
      }
    }
  }

  /** The name of a type as requests accept it. */
  inputName(ref: string): string {
    if (this.isDate(ref)) return DATE_INPUT;
    if (ref.startsWith('xs:')) return builtinTsType(ref);
    const type = this.schema.types[ref];
    if (!type) return ref;
    return this.differing.has(ref) ? `${ref}Input` : `${type.ns}.${ref}`;
  }

  statements(): StatementStructures[] {
    const refs = referencePages();
    return [...this.differing].sort((a, b) => a.localeCompare(b, 'en')).flatMap((name) => {
      const type = this.complex(name)!;
      const docs = withSee([`Input form of ${type.ns}:${type.name}: dates may be \`Date\`s; elements the server computes are left out.`],
        refs.types[`${type.ns}:${type.name}`]);
      return type.wrapper ? this.wrapper(type, docs) : this.object(type, docs);
    });
  }

  private wrapper(type: ComplexTypeDesc, docs: Docs): StatementStructures[] {
    const field = type.fields[0];
    if (field.kind === 'compound') {
      return [
        { kind: StructureKind.TypeAlias, isExported: true, name: `${type.name}Input`, docs, type: `${type.name}EntryInput[]` },
        this.entryUnion(`${type.name}EntryInput`, field.alternatives),
      ];
    }
    const element = field.kind === 'element' ? this.elementValue(field.element) : 'unknown';
    return [{ kind: StructureKind.TypeAlias, isExported: true, name: `${type.name}Input`, docs, type: arrayOf(element) }];
  }

  private object(type: ComplexTypeDesc, docs: Docs): StatementStructures[] {
    const statements: StatementStructures[] = [];
    const properties = [];
    const subtypes = this.derived.get(type.name);
    if (subtypes) properties.push({ name: '$type', hasQuestionToken: true, type: [type.name, ...subtypes].map(literal).join(' | ') });
    if (type.text) properties.push({ name: '$value', type: this.inputName(type.text) });
    const refs = referencePages();
    for (const attr of type.attributes) {
      properties.push({
        name: propName(attr.prop), hasQuestionToken: !attr.required, type: this.inputName(attr.type),
        docs: withSee([`Attribute ${attr.name}.`], refs.byTypeAndAttribute[`${type.ns}:${type.name}/@${attr.name}`]),
      });
    }
    const computed = new Set(overlay.serverComputed[type.name] ?? []);
    const seen = new Set<string>();
    for (const field of type.fields) {
      if (seen.has(field.prop) || (field.kind === 'element' && computed.has(field.element.name))) continue;
      seen.add(field.prop);
      properties.push(this.property(type, field, statements));
    }
    const base = type.derivation === 'extension' && type.base && !type.base.startsWith('xs:') ? this.inputName(type.base) : 'Extensible';
    statements.unshift({ kind: StructureKind.Interface, isExported: true, name: `${type.name}Input`, docs, extends: [base], properties });
    return statements;
  }

  private property(owner: ComplexTypeDesc, field: FieldDesc, statements: StatementStructures[]) {
    switch (field.kind) {
      case 'element': {
        const value = this.elementValue(field.element);
        const docs = withSee([`${field.element.ns}:${field.element.name}.`], referencePages().byTypeAndChild[`${owner.ns}:${owner.name}/${field.element.name}`]);
        return { name: propName(field.prop), hasQuestionToken: field.min === 0 || field.choice !== undefined, type: field.many ? arrayOf(value) : value, docs };
      }
      case 'compound': {
        const differs = field.alternatives.some((alt) => this.elementDiffers(alt));
        const entry = differs ? `${owner.name}${field.prop}EntryInput` : `${owner.ns}.${owner.name}${field.prop}Entry`;
        if (differs) statements.push(this.entryUnion(entry, field.alternatives));
        return { name: propName(field.prop), hasQuestionToken: field.min === 0, type: `${entry}[]` };
      }
      case 'any':
        return { name: '$any', hasQuestionToken: field.min === 0, type: field.many ? 'AnyEntry[]' : 'AnyEntry' };
    }
  }

  private entryUnion(name: string, alternatives: readonly ElementDesc[]): StatementStructures {
    return {
      kind: StructureKind.TypeAlias, isExported: true, name, docs: ['One entry: the element named by `$el`.'],
      type: alternatives.map((alt) => `${this.holdsObject(alt) ? 'Tagged' : 'TaggedValue'}<${literal(alt.name)}, ${this.elementValue(alt)}>`).join('\n  | '),
    };
  }

  private elementValue(element: ElementDesc): string {
    const value = this.inputName(element.type);
    return element.nillable ? `${value} | null` : value;
  }

  private holdsObject(element: ElementDesc): boolean {
    const type = this.schema.types[element.type];
    return type?.kind === 'complex' && !type.wrapper && !element.nillable;
  }

  private differs(type: ComplexTypeDesc): boolean {
    if (type.base && this.differing.has(type.base)) return true;
    if (type.text && this.isDate(type.text)) return true;
    if (type.attributes.some((attr) => this.isDate(attr.type))) return true;
    const computed = overlay.serverComputed[type.name] ?? [];
    return type.fields.some((field) => (field.kind === 'element'
      ? computed.includes(field.element.name) || this.elementDiffers(field.element)
      : field.kind === 'compound' && field.alternatives.some((alt) => this.elementDiffers(alt))));
  }

  private elementDiffers(element: ElementDesc): boolean {
    return this.isDate(element.type) || this.differing.has(element.type);
  }

  private isDate(ref: string): boolean {
    if (DATE_BUILTINS.has(ref)) return true;
    const type = this.schema.types[ref];
    return type?.kind === 'simple' && !type.list && !type.union && !type.enum && DATE_BUILTINS.has(type.builtin);
  }

  private complex(name: string): ComplexTypeDesc | undefined {
    const type = this.schema.types[name];
    return type?.kind === 'complex' ? type : undefined;
  }
}
