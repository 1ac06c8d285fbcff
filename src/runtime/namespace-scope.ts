/**
 * Namespaces for the reader, which runs saxes without its own namespace processing. saxes in
 * `xmlns: true` mode creates a declaration dictionary per tag and resolves every tag's and attribute's
 * prefix by walking up the open tags (30 % of a bare parse of an EWS answer); EWS answers declare a
 * handful of namespaces, almost always on the envelope and the response element. Here a scope is
 * pushed only when an element's declarations change a binding, and each scope remembers the tags it
 * resolved: an element without attributes or declarations costs one Map lookup by its qualified name,
 * whatever prefixes the server chose (`s:`, `soap:`, `SOAP:`, a default namespace) and however often
 * it redeclares them.
 *
 * The rules saxes checked in namespace mode are kept: unbound prefixes, malformed qualified names,
 * `xml`/`xmlns` bindings, undeclaring a prefix (XML 1.0), and attributes whose expanded names repeat.
 */
import { XML_NS, XMLNS_NS } from './namespaces';
import type { XmlAttribute, XmlTag } from './xml-tag';

/** An attribute as saxes reports it without namespace processing. */
export interface PlainAttribute {
  readonly name: string;
  readonly value: string;
}

const NO_DECLARATIONS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);
const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);
const NO_ATTRIBUTE_RECORD: Record<string, XmlAttribute> = Object.freeze(Object.create(null) as Record<string, XmlAttribute>);
/** Distinct names remembered per scope: a document of endless distinct names stays bounded (it is still read). */
const MAX_CACHED_NAMES = 4096;

/**
 * A resolved open tag. Tags without attributes or declarations are shared per scope and qualified name
 * (handlers must not change them); the others are made per element. One class, so that the reader's
 * accesses to `uri` and `local` stay monomorphic.
 */
export class ReadTag implements XmlTag {
  private record: Record<string, XmlAttribute> | undefined;

  constructor(
    readonly name: string,
    readonly prefix: string,
    readonly local: string,
    readonly uri: string,
    readonly isSelfClosing: boolean,
    /** Namespace declarations made on this tag: prefix → URI. */
    readonly ns: Record<string, string>,
    /** The attributes, declarations included, in document order. */
    readonly attributeList: readonly XmlAttribute[],
  ) {}

  /** By qualified name, as saxes' namespace-aware tags have them (built on first use: only captured subtrees ask). */
  get attributes(): Record<string, XmlAttribute> {
    if (this.record !== undefined) return this.record;
    if (this.attributeList.length === 0) return (this.record = NO_ATTRIBUTE_RECORD);
    const record: Record<string, XmlAttribute> = Object.create(null);
    for (const attribute of this.attributeList) record[attribute.name] = attribute;
    return (this.record = record);
  }
}

interface ResolvedName {
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
}

/** A resolved tag of a scope, with what came after it the last time (see NamespaceScope.knownTag). */
class KnownTag {
  /** The sibling that followed this element last time. */
  next: KnownTag | undefined = undefined;
  /** The first child of this element last time. */
  firstChild: KnownTag | undefined = undefined;

  constructor(readonly tag: ReadTag, readonly scope: Scope) {}
}

class Scope {
  tags: Map<string, KnownTag> | undefined = undefined;
  selfClosingTags: Map<string, KnownTag> | undefined = undefined;
  attributeNames: Map<string, ResolvedName> | undefined = undefined;

  constructor(
    /** Depth of the element that declared it (0: the predefined `xml` and `xmlns` prefixes). */
    readonly depth: number,
    /** prefix → URI; `''` is the default namespace, bound to `''` when undeclared. */
    readonly bindings: Record<string, string>,
  ) {}
}

export class NamespaceScope {
  private readonly scopes: Scope[];
  private top: Scope;
  private depth = 0;
  /** The open elements' tags, by depth: the close event gets the tag its open event got. */
  private readonly openTags: ReadTag[] = [];
  /** By depth: the known tag of the open element, or of its last child so far (undefined before the first). */
  private readonly knownAtDepth: (KnownTag | undefined)[] = [];

  constructor(
    /** The string object the reader compares namespace URIs by (the schema's own, see canonicalNamespace). */
    private readonly shared: (uri: string) => string,
    private readonly fail: (reason: string) => never,
  ) {
    const bindings: Record<string, string> = Object.create(null);
    bindings.xml = XML_NS;
    bindings.xmlns = XMLNS_NS;
    this.top = new Scope(0, bindings);
    this.scopes = [this.top];
  }

  /**
   * Resolves an element that opens with `attributes[0..count)`; `declares` says whether one of them is
   * an `xmlns` or `xmlns:*` attribute (the caller sees them go by).
   */
  open(name: string, isSelfClosing: boolean, attributes: readonly PlainAttribute[], count: number, declares: boolean): ReadTag {
    const depth = ++this.depth;
    const ns = declares ? this.declare(attributes, count, depth) : NO_DECLARATIONS;
    const known = this.knownTag(name, isSelfClosing, depth);
    const tag = count === 0 ? known
      : new ReadTag(known.name, known.prefix, known.local, known.uri, isSelfClosing, ns, this.resolveAttributes(attributes, count, this.top));
    this.openTags[depth] = tag;
    return tag;
  }

  /**
   * The attribute-less tag of this name in the current scope, resolved once per scope. EWS answers
   * repeat their element sequences (every item's fields in schema order, every response message's),
   * so the tag that followed the previous sibling last time, or the parent's first child last time, is
   * tried first: a string comparison, where the scope's Map would hash the name.
   */
  private knownTag(name: string, isSelfClosing: boolean, depth: number): ReadTag {
    const scope = this.top;
    const previous = this.knownAtDepth[depth];
    const parent = this.knownAtDepth[depth - 1];
    let known = previous !== undefined ? previous.next : parent?.firstChild;
    if (known === undefined || known.tag.name !== name || known.tag.isSelfClosing !== isSelfClosing || known.scope !== scope) {
      const cache = isSelfClosing ? (scope.selfClosingTags ??= new Map()) : (scope.tags ??= new Map());
      known = cache.get(name);
      if (known === undefined) {
        const { prefix, local, uri } = this.elementName(name, scope);
        known = new KnownTag(new ReadTag(name, prefix, local, uri, isSelfClosing, NO_DECLARATIONS, NO_ATTRIBUTES), scope);
        if (cache.size < MAX_CACHED_NAMES) cache.set(name, known);
      }
      if (previous !== undefined) previous.next = known;
      else if (parent !== undefined) parent.firstChild = known;
    }
    this.knownAtDepth[depth] = known;
    this.knownAtDepth[depth + 1] = undefined;
    return known.tag;
  }

  /** The tag of the element that closes; its declarations go out of scope. */
  close(): ReadTag {
    const depth = this.depth--;
    const tag = this.openTags[depth];
    this.openTags[depth] = undefined as never;
    if (this.top.depth === depth) {
      this.scopes.pop();
      this.top = this.scopes[this.scopes.length - 1];
    }
    return tag;
  }

  /** The URI bound to `prefix` in the open element (`''` for the default namespace), or undefined. */
  resolve(prefix: string): string | undefined {
    const uri = this.top.bindings[prefix];
    return uri === undefined && prefix === '' ? '' : uri;
  }

  /** Records the element's declarations; pushes a scope only when one changes a binding. */
  private declare(attributes: readonly PlainAttribute[], count: number, depth: number): Record<string, string> {
    const declared: Record<string, string> = Object.create(null);
    let bindings: Record<string, string> | undefined;
    for (let i = 0; i < count; i++) {
      const { name, value } = attributes[i];
      let prefix: string;
      if (name === 'xmlns') prefix = '';
      else if (name.startsWith('xmlns:')) prefix = this.qualifiedName(name).local;
      else continue;
      const trimmed = value.trim();
      if (prefix !== '' && trimmed === '') this.fail(`invalid attempt to undefine prefix ${JSON.stringify(prefix)} in XML 1.0`);
      checkBinding(prefix, trimmed, this.fail);
      const uri = this.shared(trimmed);
      declared[prefix] = uri;
      const current = this.top.bindings[prefix] ?? (prefix === '' ? '' : undefined);
      if (current !== uri) (bindings ??= Object.assign(Object.create(null) as Record<string, string>, this.top.bindings))[prefix] = uri;
    }
    if (bindings !== undefined) {
      this.top = new Scope(depth, bindings);
      this.scopes.push(this.top);
    }
    return declared;
  }

  private elementName(name: string, scope: Scope): ResolvedName {
    const { prefix, local } = this.qualifiedName(name);
    if (prefix === 'xmlns') this.fail('tags may not have "xmlns" as prefix');
    const uri = scope.bindings[prefix] ?? (prefix === '' ? '' : undefined);
    if (uri === undefined) this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}`);
    return { prefix, local, uri };
  }

  private resolveAttributes(attributes: readonly PlainAttribute[], count: number, scope: Scope): XmlAttribute[] {
    const names = (scope.attributeNames ??= new Map());
    const resolved: XmlAttribute[] = new Array(count);
    let prefixed = 0;
    for (let i = 0; i < count; i++) {
      const { name, value } = attributes[i];
      let known = names.get(name);
      if (known === undefined) {
        known = this.attributeName(name, scope);
        if (names.size < MAX_CACHED_NAMES) names.set(name, known);
      }
      if (known.prefix !== '') prefixed++;
      resolved[i] = { name, prefix: known.prefix, local: known.local, uri: known.uri, value };
    }
    // saxes (without namespaces) refuses repeated qualified names; two prefixes of one URI are checked here.
    if (prefixed > 1) checkExpandedNames(resolved, this.fail);
    return resolved;
  }

  /** The default namespace does not apply to attributes; `xmlns` itself is in the xmlns namespace. */
  private attributeName(name: string, scope: Scope): ResolvedName {
    if (name === 'xmlns') return { prefix: '', local: name, uri: XMLNS_NS };
    const { prefix, local } = this.qualifiedName(name);
    if (prefix === '') return { prefix, local, uri: '' };
    const uri = scope.bindings[prefix];
    if (uri === undefined) this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}`);
    return { prefix, local, uri };
  }

  private qualifiedName(name: string): { prefix: string; local: string } {
    const colon = name.indexOf(':');
    if (colon < 0) return { prefix: '', local: name };
    const prefix = name.slice(0, colon);
    const local = name.slice(colon + 1);
    if (prefix === '' || local === '' || local.includes(':')) this.fail(`malformed name: ${name}`);
    return { prefix, local };
  }
}

/** The `xml` and `xmlns` prefixes and namespaces are reserved (Namespaces in XML 1.0, section 3). */
function checkBinding(prefix: string, uri: string, fail: (reason: string) => never): void {
  if (prefix === 'xml' && uri !== XML_NS) fail(`xml prefix must be bound to ${XML_NS}`);
  if (prefix === 'xmlns') fail('the xmlns prefix may not be declared');
  if (uri === XMLNS_NS) fail(`may not bind a prefix or the default namespace to ${XMLNS_NS}`);
  if (uri === XML_NS && prefix !== 'xml') fail(`may not bind ${XML_NS} to a prefix other than xml`);
}

function checkExpandedNames(attributes: readonly XmlAttribute[], fail: (reason: string) => never): void {
  const seen = new Set<string>();
  for (const attribute of attributes) {
    if (attribute.prefix === '') continue;
    const expanded = `{${attribute.uri}}${attribute.local}`;
    if (seen.has(expanded)) fail(`duplicate attribute: ${expanded}`);
    seen.add(expanded);
  }
}
