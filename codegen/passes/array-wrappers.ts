/**
 * Pass: array wrappers. A complex type with no attributes whose whole content is one repeated element or
 * one compound (t:ArrayOfRealItemsType, t:NonEmptyArrayOfBaseItemIdsType, ...) is represented by the
 * array itself, so users write `Items: [...]` instead of `Items: { Items: [...] }`. A type that is
 * derived from, or derives, keeps its object form.
 */
import type { ComplexTypeDesc } from '../../src/schema/descriptors';

export function markArrayWrappers(types: ComplexTypeDesc[]): ComplexTypeDesc[] {
  const bases = new Set(types.map((t) => t.base).filter(Boolean));
  return types.map((type) => (isWrapper(type, bases) ? { ...type, wrapper: true } : type));
}

function isWrapper(type: ComplexTypeDesc, bases: Set<string | undefined>): boolean {
  if (type.attributes.length || type.text || type.base || type.abstract || type.anyAttribute || bases.has(type.name)) return false;
  if (type.fields.length !== 1) return false;
  const [field] = type.fields;
  return field.kind === 'compound' || (field.kind === 'element' && field.many && !field.choice);
}
