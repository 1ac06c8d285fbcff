/**
 * Pass: names. Type references in descriptors and TS are the types' local names, which must therefore be
 * unique across namespaces; built-ins are `xs:<name>`. This pass checks that once and answers lookups.
 */
import { QName, SchemaModel, XS_NS, qnameKey } from '../model';
import { SchemaError } from '../xsd/xml-tree';

export class TypeNames {
  private readonly byLocal = new Map<string, string>();

  constructor(private readonly model: SchemaModel) {
    for (const [key, type] of model.types) {
      const existing = this.byLocal.get(type.name.local);
      if (existing && existing !== key) {
        throw new SchemaError(`type name ${type.name.local} is defined in two namespaces; generated names would clash`, type.location);
      }
      this.byLocal.set(type.name.local, key);
    }
  }

  /** The descriptor TypeRef of a type: `xs:int` or the local name of a schema type (which must exist). */
  ref(name: QName): string {
    if (name.uri === XS_NS) return `xs:${name.local}`;
    if (!this.model.types.has(qnameKey(name))) throw new SchemaError(`reference to undefined type {${name.uri}}${name.local}`);
    return name.local;
  }

  /** The descriptor namespace key (`t`, `m`) of a namespace URI. */
  prefix(name: QName): string {
    if (name.uri === '') return '';
    const prefix = this.model.prefixes.get(name.uri);
    if (prefix === undefined) throw new SchemaError(`no prefix known for namespace ${name.uri}`);
    return prefix;
  }
}
