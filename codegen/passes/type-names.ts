/**
 * Pass: names. The model keys types by namespace-qualified name; descriptors and TS name them by one
 * identifier. A type keeps its local name unless a type of another namespace has the same one (Exchange
 * 2016 defines SetUnifiedGroupSenderRestrictionsRequestType in types.xsd and in messages.xsd): then the
 * one of the types namespace (`t`) keeps it and each other is named `<local>_<prefix>`. Built-ins are `xs:<name>`.
 */
import { QName, SchemaModel, XS_NS, qnameKey } from '../model';
import { SchemaError } from '../xsd/xml-tree';

/** The namespace whose types keep their local name when names collide. */
const PREFERRED_PREFIX = 't';

export class TypeNames {
  /** qname key → descriptor name. */
  private readonly names = new Map<string, string>();
  /** Types renamed because their local name is taken in another namespace. */
  readonly renamed: Array<{ readonly name: QName; readonly as: string }> = [];

  constructor(private readonly model: SchemaModel) {
    const byLocal = new Map<string, string[]>();
    for (const [key, type] of model.types) byLocal.set(type.name.local, [...(byLocal.get(type.name.local) ?? []), key]);
    for (const [local, keys] of byLocal) {
      if (keys.length === 1) {
        this.names.set(keys[0], local);
        continue;
      }
      const prefixOf = (key: string) => this.prefix(model.types.get(key)!.name);
      const keeper = keys.find((key) => prefixOf(key) === PREFERRED_PREFIX) ?? [...keys].sort((a, b) => prefixOf(a).localeCompare(prefixOf(b)))[0];
      for (const key of keys) {
        const name = key === keeper ? local : `${local}_${prefixOf(key)}`;
        if (key !== keeper) this.renamed.push({ name: model.types.get(key)!.name, as: name });
        this.names.set(key, name);
      }
    }
    const taken = new Map<string, string>();
    for (const [key, name] of this.names) {
      if (taken.has(name)) throw new SchemaError(`two types would both be named ${name} (${taken.get(name)} and ${key})`, model.types.get(key)!.location);
      taken.set(name, key);
    }
  }

  /** The descriptor TypeRef of a type: `xs:int` or the name of a schema type (which must exist). */
  ref(name: QName): string {
    if (name.uri === XS_NS) return `xs:${name.local}`;
    const named = this.names.get(qnameKey(name));
    if (named === undefined) throw new SchemaError(`reference to undefined type {${name.uri}}${name.local}`);
    return named;
  }

  /** The descriptor namespace key (`t`, `m`) of a namespace URI. */
  prefix(name: QName): string {
    if (name.uri === '') return '';
    const prefix = this.model.prefixes.get(name.uri);
    if (prefix === undefined) throw new SchemaError(`no prefix known for namespace ${name.uri}`);
    return prefix;
  }
}
