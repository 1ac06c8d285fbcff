/**
 * The intermediate model (IR) between the XSD reader and the emitter.
 *
 * `buildModel` turns schema documents into these resolved components (every QName resolved to a
 * namespace URI, anonymous types given names, groups and attribute groups kept as references); the
 * passes in codegen/passes/ turn them into the runtime descriptors. The emitter never sees XSD text.
 */
import type { SourceLocation } from './xsd/xml-tree';

export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface QName {
  readonly uri: string;
  readonly local: string;
}

export const qnameKey = (name: QName): string => `{${name.uri}}${name.local}`;

export interface Occurs {
  readonly min: number;
  /** `Infinity` for unbounded. */
  readonly max: number;
}

export interface LocalElement {
  readonly name: QName;
  readonly type: QName;
  readonly nillable: boolean;
  readonly location: SourceLocation;
}

export type Particle =
  | ({ readonly kind: 'element'; readonly element: LocalElement } & Occurs)
  | ({ readonly kind: 'elementRef'; readonly ref: QName; readonly location: SourceLocation } & Occurs)
  | ({ readonly kind: 'sequence' | 'choice' | 'all'; readonly particles: readonly Particle[] } & Occurs)
  | ({ readonly kind: 'groupRef'; readonly ref: QName; readonly location: SourceLocation } & Occurs)
  | ({
      readonly kind: 'any';
      readonly namespace: string;
      readonly processContents: 'strict' | 'lax' | 'skip';
    } & Occurs);

export interface AttributeUse {
  readonly name: QName;
  /** True for attributes of another namespace (xml:lang): written qualified. */
  readonly qualified: boolean;
  readonly type: QName;
  readonly required: boolean;
  /** `use="prohibited"` in a restriction: the base's attribute is removed. */
  readonly prohibited: boolean;
}

export interface ComplexTypeModel {
  readonly kind: 'complex';
  readonly name: QName;
  readonly location: SourceLocation;
  readonly abstract: boolean;
  /** Set for complexContent/simpleContent derivations. */
  readonly derivation?: { readonly kind: 'extension' | 'restriction'; readonly base: QName };
  /** Simple content: the base simple type (or a complex type with simple content). */
  readonly simpleContent: boolean;
  /** The content this type itself declares (for an extension: what it adds). */
  readonly particle?: Particle;
  readonly attributes: readonly AttributeUse[];
  readonly attributeGroups: readonly QName[];
  readonly anyAttribute: boolean;
}

export interface SimpleTypeModel {
  readonly kind: 'simple';
  readonly name: QName;
  readonly location: SourceLocation;
  readonly variety: 'atomic' | 'list' | 'union';
  /** Atomic: the restricted base. */
  readonly base?: QName;
  readonly itemType?: QName;
  readonly memberTypes?: readonly QName[];
  readonly enumeration?: readonly string[];
  readonly facets: {
    pattern?: string[];
    minLength?: number;
    maxLength?: number;
    length?: number;
    minInclusive?: string;
    maxInclusive?: string;
  };
}

export type TypeModel = ComplexTypeModel | SimpleTypeModel;

export interface GlobalElementModel {
  readonly name: QName;
  readonly type: QName;
  readonly nillable: boolean;
  readonly abstract: boolean;
  readonly substitutionGroup?: QName;
  readonly location: SourceLocation;
}

/** Where an anonymous type was found; names it. */
export interface AnonymousOrigin {
  readonly owner: string;
  readonly member: string;
}

export interface SchemaModel {
  /** Namespace URI → prefix key used in descriptors (`t`, `m`, `xml`). */
  readonly prefixes: Map<string, string>;
  readonly types: Map<string, TypeModel>;
  readonly elements: Map<string, GlobalElementModel>;
  readonly groups: Map<string, Particle>;
  readonly attributeGroups: Map<string, readonly AttributeUse[]>;
  /** Types that had no name in the schema, with the generated name's origin. */
  readonly anonymous: Map<string, AnonymousOrigin>;
  /** Per schema file, for the generator's report. */
  readonly fileStats: Map<string, FileStats>;
}

export interface FileStats {
  namedComplexTypes: number;
  namedSimpleTypes: number;
  enumerations: number;
  enumerationValues: number;
  lists: number;
  unions: number;
  anonymousTypes: number;
  globalElements: number;
}
