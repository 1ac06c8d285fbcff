/**
 * Sample values of simple types, in the JS form of the instance model (src/schema/descriptors.ts):
 * boolean for xs:boolean, number for numeric built-ins, the lexical string for everything else,
 * an array for xs:list. Every value is valid for its facets.
 */
import { BuiltinTypeName, Facets, SchemaSet, SimpleTypeDesc, TypeRef } from '../../../src/schema/descriptors';
import { Rotation } from './rotation';

/** Needs escaping in text and in attribute values, and has letters outside ASCII. */
export const SAMPLE_STRING = `Grüße <&> "quoted" 'single'`;

/** A value for each pattern facet EWS uses (types.xsd), keyed by the pattern as the schema writes it. */
const PATTERN_SAMPLES: Readonly<Record<string, string>> = {
  '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}': '6f9619ff-8b86-d011-b42d-00c04fc964ff',
  '(0x|0X)[0-9A-Fa-f]{1,4}': '0x3fA4',
  '((0x|0X)[0-9A-Fa-f]*)|([0-9]*)': '0X1f',
  '[a-zA-Z0-9]+_[a-zA-Z0-9]+': 'Word_2016',
  '[0-9]{1,4}\\.[0-9]{1,4}(\\.[0-9]{1,4}(\\.[0-9]{1,4})?)?': '16.0.1234.5678',
};

/** Lexical samples: dateTime with an offset and fractional seconds, so neither may get lost. */
const LEXICAL_SAMPLES: Partial<Record<BuiltinTypeName, string>> = {
  'xs:dateTime': '2026-11-22T15:30:00.123+01:00',
  'xs:date': '2026-11-22',
  'xs:time': '15:30:00.5',
  'xs:duration': 'P1DT2H30M',
  'xs:base64Binary': 'R3LDvMOfZQ==', // "Grüße" in UTF-8
  'xs:hexBinary': '4772C3BCC39F65',
  'xs:language': 'en-US',
  'xs:anyURI': 'https://example.com/a?b=1&c=2',
  'xs:QName': 'SampleName',
  'xs:NCName': 'SampleName',
  'xs:ID': 'SampleName',
};

const INTEGER_TYPES = new Set<BuiltinTypeName>([
  'xs:int', 'xs:short', 'xs:byte', 'xs:long', 'xs:integer', 'xs:nonNegativeInteger', 'xs:positiveInteger',
  'xs:unsignedInt', 'xs:unsignedShort', 'xs:unsignedByte', 'xs:unsignedLong',
]);
const DECIMAL_TYPES = new Set<BuiltinTypeName>(['xs:decimal', 'xs:double', 'xs:float']);

export class SimpleValueSampler {
  constructor(
    private readonly schema: SchemaSet,
    private readonly rotation: Rotation,
  ) {}

  /** True for built-in simple types and simple types of the schema. */
  isSimple(type: TypeRef): boolean {
    return type.startsWith('xs:') ? type !== 'xs:anyType' : this.schema.types[type]?.kind === 'simple';
  }

  value(type: TypeRef): unknown {
    if (type.startsWith('xs:')) return this.builtin(type as BuiltinTypeName, undefined);
    const desc = this.schema.types[type];
    if (desc?.kind !== 'simple') throw new Error(`${type} is not a simple type of the schema`);
    if (desc.list) return [this.value(desc.list), this.value(desc.list)];
    if (desc.union) {
      const member = this.value(desc.union[this.rotation.pick(`union ${type}`, desc.union.length)]);
      // A union whose members all restrict one built-in is read as that built-in; any other as its lexical string.
      return desc.builtin === 'xs:string' ? lexical(member) : member;
    }
    if (desc.enum?.length) return desc.enum[this.rotation.pick(`enum ${type}`, desc.enum.length)];
    if (desc.facets?.pattern?.length) return patternSample(desc);
    return this.builtin(desc.builtin, desc.facets);
  }

  private builtin(builtin: BuiltinTypeName, facets: Facets | undefined): unknown {
    if (builtin === 'xs:boolean') return this.rotation.pick('xs:boolean', 2) === 0;
    if (INTEGER_TYPES.has(builtin)) return withinBounds(7, facets);
    if (DECIMAL_TYPES.has(builtin)) return withinBounds(2.5, facets);
    if (builtin === 'xs:anyType') throw new Error('xs:anyType has no simple sample');
    const lexicalSample = LEXICAL_SAMPLES[builtin];
    return lexicalSample ?? withLength(SAMPLE_STRING, facets); // xs:string and its whitespace variants
  }
}

function patternSample(desc: SimpleTypeDesc): string {
  const patterns = desc.facets!.pattern!;
  const known = patterns.find((pattern) => pattern in PATTERN_SAMPLES);
  if (known === undefined) throw new Error(`No sample value for the pattern(s) ${patterns.map((p) => `/${p}/`).join(', ')} of ${desc.name}`);
  return PATTERN_SAMPLES[known];
}

function withinBounds(preferred: number, facets: Facets | undefined): number {
  const min = facets?.minInclusive === undefined ? -Infinity : Number(facets.minInclusive);
  const max = facets?.maxInclusive === undefined ? Infinity : Number(facets.maxInclusive);
  return Math.min(Math.max(preferred, min), max);
}

/** Cuts or pads (with `x`) the sample to satisfy length facets, never leaving a space at the end. */
function withLength(text: string, facets: Facets | undefined): string {
  const max = facets?.length ?? facets?.maxLength ?? Infinity;
  const min = facets?.length ?? facets?.minLength ?? 0;
  const cut = text.length > max ? text.slice(0, max).trimEnd() : text;
  return cut.length < min ? cut + 'x'.repeat(min - cut.length) : cut;
}

/** The lexical form of a union member's value (the model keeps most union values as strings). */
function lexical(value: unknown): string {
  return Array.isArray(value) ? value.map(lexical).join(' ') : String(value);
}
