/**
 * XSD documents → SchemaModel. One handler per XSD construct; anything this generator does not
 * understand fails loudly with its file and line instead of being skipped.
 */
import {
  AttributeUse, ComplexTypeModel, FileStats, GlobalElementModel, LocalElement, Occurs, Particle, QName,
  SchemaModel, SimpleTypeModel, XML_NS, XS_NS, qnameKey,
} from '../model';
import { SchemaDocument } from './load-schemas';
import { SchemaError, XmlNode, resolveQName } from './xml-tree';

/** Elements of XSD that carry no meaning for the instance model. */
const IGNORED = new Set(['annotation', 'documentation', 'appinfo', 'import', 'include']);

export function buildModel(documents: readonly SchemaDocument[]): SchemaModel {
  const model: SchemaModel = {
    prefixes: new Map([[XML_NS, 'xml']]),
    types: new Map(),
    elements: new Map(),
    groups: new Map(),
    attributeGroups: new Map(),
    anonymous: new Map(),
    fileStats: new Map(),
  };
  for (const doc of documents) new DocumentReader(doc, model).read();
  return model;
}

class DocumentReader {
  private readonly tns: string;
  private readonly elementQualified: boolean;
  private readonly stats: FileStats = {
    namedComplexTypes: 0, namedSimpleTypes: 0, enumerations: 0, enumerationValues: 0,
    lists: 0, unions: 0, anonymousTypes: 0, globalElements: 0,
  };

  constructor(private readonly doc: SchemaDocument, private readonly model: SchemaModel) {
    this.tns = doc.root.attributes.targetNamespace ?? '';
    this.elementQualified = doc.root.attributes.elementFormDefault === 'qualified';
  }

  read(): void {
    this.registerPrefix();
    this.model.fileStats.set(this.doc.name, this.stats);
    for (const node of xsChildren(this.doc.root)) {
      switch (node.local) {
        case 'complexType': this.addType(this.complexType(node, this.named(node))); this.stats.namedComplexTypes++; break;
        case 'simpleType': this.addType(this.simpleType(node, this.named(node), true)); break;
        case 'element': this.globalElement(node); break;
        case 'group': this.model.groups.set(qnameKey(this.named(node)), this.groupContent(node)); break;
        case 'attributeGroup':
          this.model.attributeGroups.set(qnameKey(this.named(node)), this.attributeUses(node, this.named(node).local).uses);
          break;
        default: unsupported(node);
      }
    }
  }

  private registerPrefix(): void {
    if (this.model.prefixes.has(this.tns)) return;
    const declared = Object.entries(this.doc.root.namespaces).find(([p, uri]) => uri === this.tns && p !== '');
    const prefix = declared?.[0] ?? `ns${this.model.prefixes.size}`;
    this.model.prefixes.set(this.tns, prefix);
  }

  private named(node: XmlNode): QName {
    const name = node.attributes.name;
    if (!name) throw new SchemaError(`<xs:${node.local}> without a name`, node.location);
    return { uri: this.tns, local: name };
  }

  private addType(type: ComplexTypeModel | SimpleTypeModel): void {
    const key = qnameKey(type.name);
    if (this.model.types.has(key)) throw new SchemaError(`type ${type.name.local} is defined twice`, type.location);
    this.model.types.set(key, type);
  }

  private globalElement(node: XmlNode): void {
    const name = this.named(node);
    const a = node.attributes;
    const element: GlobalElementModel = {
      name,
      type: this.elementType(node, name.local, ''),
      nillable: a.nillable === 'true',
      abstract: a.abstract === 'true',
      substitutionGroup: a.substitutionGroup ? resolveQName(node, a.substitutionGroup) : undefined,
      location: node.location,
    };
    this.model.elements.set(qnameKey(name), element);
    this.stats.globalElements++;
  }

  /** The type of an element: its `type` attribute, an anonymous type, or xs:anyType. */
  private elementType(node: XmlNode, elementName: string, owner: string): QName {
    if (node.attributes.type) return resolveQName(node, node.attributes.type);
    const anonymous = xsChildren(node).find((c) => c.local === 'complexType' || c.local === 'simpleType');
    if (!anonymous) return { uri: XS_NS, local: 'anyType' };
    return this.anonymousType(anonymous, owner, elementName);
  }

  /** Registers an anonymous type under a generated name (`Owner_Member`, or the element name when global). */
  private anonymousType(node: XmlNode, owner: string, member: string): QName {
    let local = owner ? `${owner}_${member}` : member;
    while (this.model.types.has(qnameKey({ uri: this.tns, local }))) local += '_';
    const name = { uri: this.tns, local };
    this.addType(node.local === 'complexType' ? this.complexType(node, name) : this.simpleType(node, name, false));
    this.model.anonymous.set(qnameKey(name), { owner, member });
    this.stats.anonymousTypes++;
    return name;
  }

  private complexType(node: XmlNode, name: QName): ComplexTypeModel {
    if (node.attributes.mixed === 'true') throw new SchemaError('mixed content is not supported', node.location);
    let derivation: ComplexTypeModel['derivation'];
    let simpleContent = false;
    let body = node;
    const content = xsChildren(node).find((c) => c.local === 'complexContent' || c.local === 'simpleContent');
    if (content) {
      if (content.attributes.mixed === 'true') throw new SchemaError('mixed content is not supported', content.location);
      simpleContent = content.local === 'simpleContent';
      const [derive, ...rest] = xsChildren(content);
      if (!derive || rest.length || (derive.local !== 'extension' && derive.local !== 'restriction')) {
        throw new SchemaError(`<xs:${content.local}> must hold one extension or restriction`, content.location);
      }
      derivation = { kind: derive.local, base: resolveQName(derive, required(derive, 'base')) };
      body = derive;
    }
    const owner = name.local;
    let particle: Particle | undefined;
    const { uses, groups, anyAttribute } = this.attributeUses(body, owner);
    for (const child of xsChildren(body)) {
      if (['sequence', 'choice', 'all', 'group'].includes(child.local)) {
        if (particle) throw new SchemaError('more than one content model', child.location);
        particle = this.particle(child, owner);
      } else if (!['attribute', 'attributeGroup', 'anyAttribute', 'complexContent', 'simpleContent'].includes(child.local)) {
        unsupported(child);
      }
    }
    return {
      kind: 'complex', name, location: node.location, abstract: node.attributes.abstract === 'true',
      derivation, simpleContent, particle, attributes: uses, attributeGroups: groups, anyAttribute,
    };
  }

  private attributeUses(node: XmlNode, owner: string) {
    const uses: AttributeUse[] = [];
    const groups: QName[] = [];
    let anyAttribute = false;
    for (const child of xsChildren(node)) {
      if (child.local === 'attribute') uses.push(this.attribute(child, owner));
      else if (child.local === 'attributeGroup') groups.push(resolveQName(child, required(child, 'ref')));
      else if (child.local === 'anyAttribute') anyAttribute = true;
    }
    return { uses, groups, anyAttribute };
  }

  private attribute(node: XmlNode, owner: string): AttributeUse {
    const a = node.attributes;
    const requiredUse = a.use === 'required';
    if (a.ref) {
      const ref = resolveQName(node, a.ref);
      if (ref.uri !== XML_NS) throw new SchemaError(`attribute ref to ${a.ref} is not supported`, node.location);
      // The XML namespace's attributes are defined by the W3C's xml.xsd, not by these schemas.
      const type = ref.local === 'lang' ? 'language' : 'string';
      return { name: ref, qualified: true, type: { uri: XS_NS, local: type }, required: requiredUse, prohibited: false };
    }
    const name = required(node, 'name');
    if (a.form === 'qualified') throw new SchemaError('qualified local attributes are not supported', node.location);
    const anonymous = xsChildren(node).find((c) => c.local === 'simpleType');
    const type = a.type
      ? resolveQName(node, a.type)
      : anonymous ? this.anonymousType(anonymous, owner, name) : { uri: XS_NS, local: 'anySimpleType' };
    return { name: { uri: '', local: name }, qualified: false, type, required: requiredUse, prohibited: a.use === 'prohibited' };
  }

  private occurs(node: XmlNode): Occurs {
    const { minOccurs, maxOccurs } = node.attributes;
    return {
      min: minOccurs === undefined ? 1 : Number(minOccurs),
      max: maxOccurs === undefined ? 1 : maxOccurs === 'unbounded' ? Infinity : Number(maxOccurs),
    };
  }

  private groupContent(node: XmlNode): Particle {
    const [content, ...rest] = xsChildren(node);
    if (!content || rest.length) throw new SchemaError('a group must hold one sequence/choice/all', node.location);
    return this.particle(content, this.named(node).local);
  }

  private particle(node: XmlNode, owner: string): Particle {
    const occurs = this.occurs(node);
    switch (node.local) {
      case 'sequence':
      case 'choice':
      case 'all':
        return { kind: node.local, particles: xsChildren(node).map((c) => this.particle(c, owner)), ...occurs };
      case 'group':
        return { kind: 'groupRef', ref: resolveQName(node, required(node, 'ref')), location: node.location, ...occurs };
      case 'any': {
        const pc = node.attributes.processContents ?? 'strict';
        if (pc !== 'strict' && pc !== 'lax' && pc !== 'skip') throw new SchemaError(`processContents=${pc}`, node.location);
        return { kind: 'any', namespace: node.attributes.namespace ?? '##any', processContents: pc, ...occurs };
      }
      case 'element':
        return this.localElement(node, owner, occurs);
      default:
        return unsupported(node);
    }
  }

  private localElement(node: XmlNode, owner: string, occurs: Occurs): Particle {
    if (node.attributes.ref) {
      return { kind: 'elementRef', ref: resolveQName(node, node.attributes.ref), location: node.location, ...occurs };
    }
    const local = required(node, 'name');
    const qualified = node.attributes.form ? node.attributes.form === 'qualified' : this.elementQualified;
    const element: LocalElement = {
      name: { uri: qualified ? this.tns : '', local },
      type: this.elementType(node, local, owner),
      nillable: node.attributes.nillable === 'true',
      location: node.location,
    };
    return { kind: 'element', element, ...occurs };
  }

  private simpleType(node: XmlNode, name: QName, named: boolean): SimpleTypeModel {
    const [derive, ...rest] = xsChildren(node);
    if (!derive || rest.length) throw new SchemaError('a simpleType must hold one restriction/list/union', node.location);
    const base = { kind: 'simple' as const, name, location: node.location, facets: {} as SimpleTypeModel['facets'] };
    if (named) this.stats.namedSimpleTypes++;
    switch (derive.local) {
      case 'restriction': {
        const enumeration: string[] = [];
        let restrictedBase = derive.attributes.base ? resolveQName(derive, derive.attributes.base) : undefined;
        for (const facet of xsChildren(derive)) {
          const value = facet.attributes.value ?? '';
          switch (facet.local) {
            case 'enumeration': enumeration.push(value); break;
            case 'pattern': (base.facets.pattern ??= []).push(value); break;
            case 'minLength': case 'maxLength': case 'length': base.facets[facet.local] = Number(value); break;
            case 'minInclusive': case 'maxInclusive': base.facets[facet.local] = value; break;
            case 'simpleType': restrictedBase = this.anonymousType(facet, name.local, 'Base'); break;
            default: unsupported(facet);
          }
        }
        if (!restrictedBase) throw new SchemaError('restriction without a base', derive.location);
        if (enumeration.length && named) {
          this.stats.enumerations++;
          this.stats.enumerationValues += enumeration.length;
        }
        return { ...base, variety: 'atomic', base: restrictedBase, enumeration: enumeration.length ? enumeration : undefined };
      }
      case 'list': {
        if (named) this.stats.lists++;
        const inline = xsChildren(derive).find((c) => c.local === 'simpleType');
        const itemType = derive.attributes.itemType
          ? resolveQName(derive, derive.attributes.itemType)
          : inline ? this.anonymousType(inline, name.local, 'Item') : undefined;
        if (!itemType) throw new SchemaError('list without an item type', derive.location);
        return { ...base, variety: 'list', itemType };
      }
      case 'union': {
        if (named) this.stats.unions++;
        const members = (derive.attributes.memberTypes ?? '').split(/\s+/).filter(Boolean).map((m) => resolveQName(derive, m));
        xsChildren(derive).forEach((inline, i) => {
          if (inline.local !== 'simpleType') unsupported(inline);
          members.push(this.anonymousType(inline, name.local, `Member${i + 1}`));
        });
        return { ...base, variety: 'union', memberTypes: members };
      }
      default:
        return unsupported(derive);
    }
  }
}

function xsChildren(node: XmlNode): XmlNode[] {
  return node.children.filter((c) => {
    if (c.uri !== XS_NS) throw new SchemaError(`unexpected element {${c.uri}}${c.local} in a schema`, c.location);
    return !IGNORED.has(c.local);
  });
}

function required(node: XmlNode, attribute: string): string {
  const value = node.attributes[attribute];
  if (value === undefined) throw new SchemaError(`<xs:${node.local}> needs ${attribute}=`, node.location);
  return value;
}

function unsupported(node: XmlNode): never {
  throw new SchemaError(`unsupported XSD construct <xs:${node.local}>`, node.location);
}
