/**
 * The descriptor contract between the code generator and the runtime.
 *
 * The generator (codegen/) resolves the XSDs into these plain objects and emits them into
 * generated/schema.ts; the one reader and the one writer in src/ interpret them. Neither side has
 * its own idea of element names, order or occurrence: both use these types, so they cannot disagree.
 *
 * How an XML instance maps to a JS value (the "instance model"):
 * - A complex type is a plain object. Each child element and each attribute is a property named after
 *   it (`prop`). An element that may occur more than once is an array.
 * - Simple content (text of a complex type with simpleContent) is the property `$value`, always present
 *   after reading (the empty string for an empty string-typed element).
 * - A choice that occurs at most once maps to one optional property per alternative, exactly as the
 *   XML reads. A choice or sequence that repeats and holds more than one element is a *compound*
 *   field: one array of entries in document order, each tagged with its element name in `$el`
 *   (complex alternatives carry their own properties; simple-typed alternatives and alternatives whose
 *   type is an array wrapper, or which are nillable, carry their value in `$value`). `Tagged` and
 *   `TaggedValue` in instance.ts type this.
 * - An "array wrapper" type (no attributes, one repeated particle, e.g. t:ArrayOfRealItemsType) is
 *   the array itself.
 * - `$type` names the xsi:type of a value (the key of its type in `SchemaSet.types`): set by the reader
 *   whenever the XML carried xsi:type (even one naming the declared type, so nothing is lost); the
 *   writer writes xsi:type whenever `$type` is set.
 * - An element with xsi:nil="true" is `null` when the declaration is nillable. A nil element where the
 *   schema does not allow nil (Exchange 15+ sends extra nil `t:Group`/`t:GroupedItems`) is ignored.
 * - Wildcard (xs:any) content is held in entries (an array of them when the wildcard repeats, else
 *   one): a known global element is read typed (`$el`, `$ns` plus its properties), anything else keeps
 *   its raw XML in `$xml`.
 * - `$unknown` keeps, as raw XML strings, elements a newer server sent that the schema does not know;
 *   `$attributes` keeps unknown attributes (`{qualified name: value}`), so nothing is silently lost.
 * - `$invalid` keeps, by property name, the text of values the server sent that fit neither their type
 *   nor a known dialect (the property itself is then absent); the reader reports each in its diagnostics,
 *   and the writer refuses to send one back until the property is set.
 * - Simple values: xs:boolean → boolean; every numeric built-in → number; every other built-in
 *   (dateTime, date, time, duration, base64Binary, strings, enums, unions) → the lexical string, so
 *   offsets and precision are never lost. The writer also accepts Date for dateTime/date and
 *   Uint8Array for base64Binary/hexBinary. xs:list → array of item values.
 */

import type { VersionFacts } from './version-facts';

/** Built-in XML Schema simple types used by EWS, named as in the schema (`xs:` prefix). */
export type BuiltinTypeName =
  | 'xs:string' | 'xs:normalizedString' | 'xs:token' | 'xs:language' | 'xs:anyURI' | 'xs:QName' | 'xs:NCName' | 'xs:ID'
  | 'xs:boolean'
  | 'xs:int' | 'xs:short' | 'xs:byte' | 'xs:long' | 'xs:integer' | 'xs:nonNegativeInteger' | 'xs:positiveInteger'
  | 'xs:unsignedInt' | 'xs:unsignedShort' | 'xs:unsignedByte' | 'xs:unsignedLong' | 'xs:decimal' | 'xs:double' | 'xs:float'
  | 'xs:dateTime' | 'xs:date' | 'xs:time' | 'xs:duration'
  | 'xs:base64Binary' | 'xs:hexBinary'
  | 'xs:anyType' | 'xs:anySimpleType';

/** A type reference: a built-in (`xs:int`) or the name of a type in `SchemaSet.types`. */
export type TypeRef = string;

/** How a simple value is represented and checked; derived once from the built-in at the root of a simple type. */
export type ValueKind =
  | 'string' | 'boolean' | 'number' | 'dateTime' | 'date' | 'time' | 'duration' | 'base64' | 'hex';

export interface Facets {
  readonly pattern?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly length?: number;
  readonly minInclusive?: string;
  readonly maxInclusive?: string;
}

/** A named (or generated-named, for anonymous) simple type. */
export interface SimpleTypeDesc {
  readonly kind: 'simple';
  readonly name: string;
  /** Namespace prefix key into `SchemaSet.namespaces`. */
  readonly ns: string;
  /** The built-in this type ultimately restricts (for lists: of the item type; unions: the one built-in all members restrict, else xs:string). */
  readonly builtin: BuiltinTypeName;
  /** Enumeration values, in schema order. */
  readonly enum?: readonly string[];
  /** For xs:list types: the item type. The JS value is an array, written space-separated. */
  readonly list?: TypeRef;
  /** For xs:union types: the member types. The JS value is the lexical string unless every member restricts one built-in. */
  readonly union?: readonly TypeRef[];
  readonly facets?: Facets;
}

export interface AttributeDesc {
  /** XML local name. */
  readonly name: string;
  /** Namespace prefix key for qualified attributes (e.g. `xml` for xml:lang); absent for unqualified. */
  readonly ns?: string;
  /** JS property name. */
  readonly prop: string;
  readonly type: TypeRef;
  readonly required?: boolean;
}

/** One element declaration as used at one place in a content model. */
export interface ElementDesc {
  readonly name: string;
  /** Namespace prefix key into `SchemaSet.namespaces`. */
  readonly ns: string;
  readonly type: TypeRef;
  readonly nillable?: boolean;
  /** Names read as this element too (server quirks, from the overlay), e.g. `Group` for `GroupedItems`. */
  readonly aliases?: readonly string[];
}

/** A single element particle: a property of the owner; an array when `many`. */
export interface ElementField {
  readonly kind: 'element';
  readonly prop: string;
  readonly element: ElementDesc;
  /** 0 when the element may be absent (minOccurs 0, or inside an optional choice). */
  readonly min: number;
  /** True when more than one occurrence is allowed; the value is then an array. */
  readonly many: boolean;
  /**
   * Set when the element is an alternative of a choice that occurs at most once: fields with the same
   * `group` are mutually exclusive; fields with the same `group` and `branch` belong to one alternative
   * (a sequence inside the choice). `min` is then the element's minimum *within its branch*.
   * `required` on the group: whether one branch must be present.
   */
  readonly choice?: { readonly group: number; readonly branch: number; readonly required: boolean };
}

/** A repeated choice/sequence of several elements: one array of `$el`-tagged entries in document order. */
export interface CompoundField {
  readonly kind: 'compound';
  readonly prop: string;
  /** Alternatives in schema order. */
  readonly alternatives: readonly ElementDesc[];
  /** Minimum number of entries. */
  readonly min: number;
}

/** An xs:any wildcard: entries are `$el`-tagged like a compound field; unknown ones keep raw `$xml`. */
export interface AnyField {
  readonly kind: 'any';
  readonly prop: string;
  readonly many: boolean;
  readonly min: number;
  /** `##any`, `##other`, or a list of namespace URIs. */
  readonly namespace: string;
  readonly processContents: 'strict' | 'lax' | 'skip';
}

export type FieldDesc = ElementField | CompoundField | AnyField;

export interface ComplexTypeDesc {
  readonly kind: 'complex';
  readonly name: string;
  readonly ns: string;
  /** Base type (complexContent extension/restriction, or simpleContent base when complex). */
  readonly base?: TypeRef;
  /**
   * `extension`: `fields`/`attributes` hold only what this type adds; the base's come first.
   * `restriction`: `fields`/`attributes` are complete (a restriction restates its content).
   */
  readonly derivation?: 'extension' | 'restriction';
  readonly abstract?: boolean;
  readonly attributes: readonly AttributeDesc[];
  /** Content particles flattened into fields, in schema order. */
  readonly fields: readonly FieldDesc[];
  /** Simple content: the type of the text, held in `$value`. */
  readonly text?: TypeRef;
  /** True when any attribute is allowed (xs:anyAttribute); unknown ones go to `$attributes`. */
  readonly anyAttribute?: boolean;
  /** Array wrapper: the JS value of this type is the array of its single field. */
  readonly wrapper?: boolean;
}

export type TypeDesc = SimpleTypeDesc | ComplexTypeDesc;

/** A global element. */
export interface GlobalElementDesc extends ElementDesc {
  readonly abstract?: boolean;
  /** Head of the substitution group this element belongs to (`t:Path`), if any. */
  readonly substitutionGroup?: string;
}

/** One WSDL operation. */
export interface OperationDesc {
  readonly name: string;
  readonly soapAction: string;
  /** Global element keys (`m:GetItem`). */
  readonly request: string;
  readonly response: string;
  /** Global element keys of the SOAP headers the binding accepts on input / sends on output, in WSDL order. */
  readonly inputHeaders: readonly string[];
  readonly outputHeaders: readonly string[];
}

export interface SchemaSet {
  /** Prefix key → namespace URI (`t`, `m`, `xml`, ...). */
  readonly namespaces: Readonly<Record<string, string>>;
  /** Every type by name (type names are unique across namespaces; the generator checks this). */
  readonly types: Readonly<Record<string, TypeDesc>>;
  /** Global elements by key `prefix:name`. */
  readonly elements: Readonly<Record<string, GlobalElementDesc>>;
  /** WSDL operations by name. */
  readonly operations: Readonly<Record<string, OperationDesc>>;
  /** Which Exchange release introduced each item (see version-facts.ts); absent when generated without schemas/versions/. */
  readonly versions?: VersionFacts;
}

/** Property names the instance model reserves (never an XML name: `$` is not a valid name start). */
export const VALUE_PROP = '$value';
export const ELEMENT_TAG_PROP = '$el';
export const XSI_TYPE_PROP = '$type';
export const UNKNOWN_PROP = '$unknown';
export const ANY_XML_PROP = '$xml';
export const ANY_NS_PROP = '$ns';
export const UNKNOWN_ATTRIBUTES_PROP = '$attributes';
export const INVALID_PROP = '$invalid';
