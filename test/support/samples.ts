/**
 * Deterministic sample values of schema types, for the round trip over every generated type:
 * value → writer → XML (validated by libxml2 against the XSD) → reader → must deep-equal the value.
 *
 * Values follow the instance model of src/schema/descriptors.ts. Near the root (depth < maxDepth)
 * every optional attribute and element is included, `many` fields get 2 entries and compound fields
 * entries for up to 3 alternatives (in schema order); deeper down only required content is built,
 * preferring alternatives that do not recurse. Optional wildcards are left out.
 */
import {
  ANY_NS_PROP, ANY_XML_PROP, AnyField, CompoundField, ComplexTypeDesc, ELEMENT_TAG_PROP, ElementDesc, ElementField,
  FieldDesc, SchemaSet, TypeRef, VALUE_PROP, XSI_TYPE_PROP,
} from '../../src/schema/descriptors';
import { Rotation, stableHash } from './samples/rotation';
import { SimpleValueSampler } from './samples/simple-values';
import { FieldPart, complexType, concreteDerivedTypes, contentOf } from './samples/type-content';

export { SAMPLE_STRING } from './samples/simple-values';
export { roundTripSchemaFiles } from './round-trip-schemas';

export interface SampleOptions {
  /**
   * Where every rotation starts (enumeration values, choice branches, compound alternatives, union
   * members, concrete types for abstract ones). Default: a hash of the type name, so that samples of
   * different types cover different alternatives over a whole run.
   */
  readonly variant?: number;
  /** Depth from which only required content is built (the root object is depth 0). Default 4. */
  readonly maxDepth?: number;
}

type SampleObject = Record<string, unknown>;

const MANY_ENTRIES = 2;
const COMPOUND_ALTERNATIVES = 3;
/** Raw content for a required xs:any (EWS only requires one, with namespace ##other, processContents skip). */
export const SAMPLE_ANY_ELEMENT = { ns: 'urn:typed-ews:sample', name: 'Sample' };
/** Beyond maxDepth + this, a sample is taken to recurse without end (a required cycle in the schema). */
const RUNAWAY_DEPTH = 40;

export function sampleValue(schema: SchemaSet, typeName: TypeRef, opts: SampleOptions = {}): unknown {
  return new SampleBuilder(schema, opts.variant ?? stableHash(typeName), opts.maxDepth ?? 4).value(typeName, 0);
}

class SampleBuilder {
  private readonly rotation: Rotation;
  private readonly simple: SimpleValueSampler;
  /** Complex types being built, outermost first: from maxDepth on, alternatives that recurse into these are avoided. */
  private readonly building: string[] = [];

  constructor(
    private readonly schema: SchemaSet,
    seed: number,
    private readonly maxDepth: number,
  ) {
    this.rotation = new Rotation(seed);
    this.simple = new SimpleValueSampler(schema, this.rotation);
  }

  value(type: TypeRef, depth: number): unknown {
    if (this.simple.isSimple(type)) return this.simple.value(type);
    const declared = complexType(this.schema, type);
    if (!declared.abstract) return this.complexValue(declared, depth);
    const concrete = this.pick(`derived ${type}`, concreteDerivedTypes(this.schema, type), depth, (t) => [t.name]);
    if (!concrete) throw new Error(`Abstract type ${type} has no concrete derived type`);
    const value = this.complexValue(concrete, depth);
    if (!isObject(value)) throw new Error(`${concrete.name}, derived from abstract ${type}, is an array wrapper`);
    return { ...value, [XSI_TYPE_PROP]: concrete.name };
  }

  private complexValue(type: ComplexTypeDesc, depth: number): unknown {
    if (depth > this.maxDepth + RUNAWAY_DEPTH) throw new Error(`Sample does not terminate: ${this.building.join(' > ')}`);
    this.building.push(type.name);
    const content = contentOf(this.schema, type);
    let result: unknown;
    if (type.wrapper) {
      const [field, ...others] = content.parts.flatMap((part) => part.fields);
      if (!field || others.length > 0) throw new Error(`Array wrapper ${type.name} must have exactly one field`);
      result = this.fieldValue(type.name, field, depth) ?? [];
    } else {
      const object: SampleObject = {};
      for (const attribute of content.attributes) {
        if (attribute.required || depth < this.maxDepth) object[attribute.prop] = this.simple.value(attribute.type);
      }
      if (content.text !== undefined) object[VALUE_PROP] = this.simple.value(content.text);
      for (const part of content.parts) this.addFields(object, part, depth);
      result = object;
    }
    this.building.pop();
    return result;
  }

  /** Adds the fields of one type level; of each single choice, only the fields of one branch. */
  private addFields(object: SampleObject, part: FieldPart, depth: number): void {
    const chosenBranch = new Map<number, number | undefined>();
    for (const field of part.fields) {
      if (field.kind === 'element' && field.choice) {
        const { group } = field.choice;
        if (!chosenBranch.has(group)) chosenBranch.set(group, this.chooseBranch(part, field.choice, depth));
        if (chosenBranch.get(group) !== field.choice.branch) continue;
      }
      const value = this.fieldValue(part.owner, field, depth);
      if (value !== undefined) object[field.prop] = value;
    }
  }

  /** The branch of a single choice to build, or undefined to leave an optional choice out. */
  private chooseBranch(part: FieldPart, choice: NonNullable<ElementField['choice']>, depth: number): number | undefined {
    if (!choice.required && depth >= this.maxDepth) return undefined;
    const branches = new Map<number, ElementField[]>();
    for (const field of part.fields) {
      if (field.kind !== 'element' || field.choice?.group !== choice.group) continue;
      branches.set(field.choice.branch, [...(branches.get(field.choice.branch) ?? []), field]);
    }
    const chosen = this.pick(`${part.owner} choice ${choice.group}`, [...branches], depth, ([, fields]) =>
      fields.filter((f) => f.min > 0).map((f) => f.element.type),
    );
    return chosen?.[0];
  }

  /** The JS value of a field, or undefined to leave it out. */
  private fieldValue(owner: string, field: FieldDesc, depth: number): unknown {
    const deep = depth >= this.maxDepth;
    if (field.min === 0 && (deep || field.kind === 'any')) return undefined;
    switch (field.kind) {
      case 'element': {
        if (!field.many) return this.elementValue(field.element, depth + 1);
        const count = deep ? field.min : Math.max(MANY_ENTRIES, field.min);
        return Array.from({ length: count }, () => this.elementValue(field.element, depth + 1));
      }
      case 'compound':
        return this.compoundAlternatives(owner, field, depth).map((alternative) => this.tagged(alternative, depth + 1));
      case 'any':
        return this.anyEntries(field);
    }
  }

  /** Near the root: up to 3 consecutive alternatives from a rotating start, in schema order. Deeper: `min` cheap ones. */
  private compoundAlternatives(owner: string, field: CompoundField, depth: number): ElementDesc[] {
    const { alternatives, min } = field;
    if (depth >= this.maxDepth) {
      const cheapest = this.pick(`${owner} ${field.prop}`, [...alternatives], depth, (alt) => [alt.type])!;
      return Array.from({ length: min }, () => cheapest);
    }
    const start = this.rotation.pick(`${owner} ${field.prop}`, alternatives.length);
    const count = Math.min(alternatives.length, COMPOUND_ALTERNATIVES);
    const indexes = Array.from({ length: Math.max(count, min) }, (_, i) => (start + i) % alternatives.length);
    return indexes.sort((a, b) => a - b).map((i) => alternatives[i]);
  }

  /** A compound entry: complex values carry `$el` beside their properties, other values are wrapped. */
  private tagged(element: ElementDesc, depth: number): SampleObject {
    const value = this.elementValue(element, depth);
    return isObject(value) ? { [ELEMENT_TAG_PROP]: element.name, ...value } : { [ELEMENT_TAG_PROP]: element.name, [VALUE_PROP]: value };
  }

  /** A required wildcard: raw XML of an element from a namespace no schema here declares; an array when `many`. */
  private anyEntries(field: AnyField): SampleObject | SampleObject[] {
    const { ns, name } = SAMPLE_ANY_ELEMENT;
    const entry = (): SampleObject => ({ [ELEMENT_TAG_PROP]: name, [ANY_NS_PROP]: ns, [ANY_XML_PROP]: `<s:${name} xmlns:s="${ns}">Sample</s:${name}>` });
    return field.many ? Array.from({ length: field.min }, entry) : entry();
  }

  private elementValue(element: ElementDesc, depth: number): unknown {
    const global = this.schema.elements[`${element.ns}:${element.name}`];
    if (global?.abstract) throw new Error(`Element ${element.ns}:${element.name} is abstract: substitution groups must be expanded by the generator`);
    return this.value(element.type, depth);
  }

  /**
   * Picks among options by rotation. Deeper than maxDepth, takes the first option none of whose
   * required types is being built already, so that the sample ends.
   */
  private pick<T>(site: string, options: readonly T[], depth: number, requiredTypes: (option: T) => readonly TypeRef[]): T | undefined {
    if (options.length === 0) return undefined;
    if (depth < this.maxDepth) return options[this.rotation.pick(site, options.length)];
    return options.find((option) => requiredTypes(option).every((type) => !this.building.includes(type))) ?? options[0];
  }
}

function isObject(value: unknown): value is SampleObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
