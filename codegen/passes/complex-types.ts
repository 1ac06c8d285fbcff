/** Pass: complex types → ComplexTypeDesc (derivation, attributes incl. attribute groups, fields, simple content). */
import type { AttributeDesc, ComplexTypeDesc } from '../../src/schema/descriptors';
import { AttributeUse, ComplexTypeModel, SchemaModel, XS_NS, qnameKey } from '../model';
import { SchemaError } from '../xsd/xml-tree';
import { ContentFlattener } from './content-fields';
import { TypeNames } from './type-names';

export function complexTypeDescs(model: SchemaModel, names: TypeNames, flattener: ContentFlattener): ComplexTypeDesc[] {
  const out: ComplexTypeDesc[] = [];
  for (const type of model.types.values()) {
    if (type.kind !== 'complex') continue;
    out.push(complexTypeDesc(model, names, flattener, type));
  }
  return out;
}

function complexTypeDesc(model: SchemaModel, names: TypeNames, flattener: ContentFlattener, type: ComplexTypeModel): ComplexTypeDesc {
  const name = names.ref(type.name);
  const base = type.derivation?.base;
  const baseType = base && base.uri !== XS_NS ? model.types.get(qnameKey(base)) : undefined;
  if (base && base.uri !== XS_NS && !baseType) throw new SchemaError(`${name} derives from undefined ${base.local}`, type.location);

  // simpleContent over a simple type: the text's type is that base, and there is no complex base.
  const textOverSimple = type.simpleContent && (!baseType || baseType.kind === 'simple');
  const desc: ComplexTypeDesc = {
    kind: 'complex',
    name,
    ns: names.prefix(type.name),
    ...(!textOverSimple && base && { base: names.ref(base), derivation: type.derivation!.kind }),
    ...(type.abstract && { abstract: true }),
    attributes: attributes(model, names, type),
    fields: flattener.fields(name, type.particle),
    ...(textOverSimple && { text: names.ref(base!) }),
    ...(type.anyAttribute && { anyAttribute: true }),
  };
  if (type.simpleContent && !textOverSimple && type.derivation?.kind === 'restriction') {
    throw new SchemaError(`simpleContent restriction of a complex type (${name}) is not supported`, type.location);
  }
  if (type.derivation?.kind === 'restriction' && !type.simpleContent && baseType?.kind === 'complex' && baseType.simpleContent) {
    throw new SchemaError(`complexContent restriction of a simple-content type (${name}) is not supported`, type.location);
  }
  return desc;
}

function attributes(model: SchemaModel, names: TypeNames, type: ComplexTypeModel): AttributeDesc[] {
  return effectiveUses(model, type).map((use) => ({
    name: use.name.local,
    ...(use.qualified && { ns: names.prefix(use.name) }),
    prop: use.name.local,
    type: names.ref(use.type),
    ...(use.required && { required: true }),
  }));
}

/**
 * The attribute uses a type declares, with its attribute groups. An extension's base attributes are
 * inherited at run time; a restriction is complete in the descriptors, so it takes the base's
 * attributes here, overridden by the ones it restates and without the ones it prohibits.
 */
function effectiveUses(model: SchemaModel, type: ComplexTypeModel): AttributeUse[] {
  const own: AttributeUse[] = [...type.attributes];
  for (const group of type.attributeGroups) {
    const groupUses = model.attributeGroups.get(qnameKey(group));
    if (!groupUses) throw new SchemaError(`ref to undefined attributeGroup ${group.local}`, type.location);
    own.push(...groupUses);
  }
  const base = type.derivation?.kind === 'restriction' ? model.types.get(qnameKey(type.derivation.base)) : undefined;
  if (base?.kind !== 'complex') return own.filter((u) => !u.prohibited);
  const restated = new Set(own.map((u) => qnameKey(u.name)));
  const inherited = allUses(model, base).filter((u) => !restated.has(qnameKey(u.name)));
  return [...inherited, ...own].filter((u) => !u.prohibited);
}

/** Every attribute use of a type including, for an extension, its base chain's. */
function allUses(model: SchemaModel, type: ComplexTypeModel): AttributeUse[] {
  const own = effectiveUses(model, type);
  const base = type.derivation?.kind === 'extension' ? model.types.get(qnameKey(type.derivation.base)) : undefined;
  return base?.kind === 'complex' ? [...allUses(model, base), ...own] : own;
}
