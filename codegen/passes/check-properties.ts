/**
 * Pass: property checks over the flattened types. Two properties with one name in one object would
 * silently overwrite each other, so a clash (element vs attribute, base vs derived, an unnamed
 * compound outside an array wrapper) stops the generator with what to fix.
 */
import type { ComplexTypeDesc } from '../../src/schema/descriptors';
import { SchemaError } from '../xsd/xml-tree';
import { UNNAMED_COMPOUND } from './content-fields';

export function checkProperties(types: readonly ComplexTypeDesc[]): void {
  const byName = new Map(types.map((t) => [t.name, t]));
  const props = (type: ComplexTypeDesc): Array<{ prop: string; where: string }> => {
    const inherited = type.derivation === 'extension' && type.base && byName.has(type.base) ? props(byName.get(type.base)!) : [];
    const own = [
      ...type.attributes.map((a) => ({ prop: a.prop, where: `${type.name}@${a.name}` })),
      ...type.fields.map((f) => ({ prop: f.prop, where: `${type.name}/${f.prop}` })),
    ];
    // Branches of one choice may repeat an element name (the same element in two alternatives).
    const seenChoice = new Set<string>();
    const unique = own.filter((p, i) => {
      const field = type.fields[i - type.attributes.length];
      if (!field || field.kind !== 'element' || !field.choice) return true;
      const key = `${field.choice.group}:${field.prop}`;
      if (seenChoice.has(key)) return false;
      seenChoice.add(key);
      return true;
    });
    return [...inherited, ...unique];
  };
  for (const type of types) {
    if (!type.wrapper && type.fields.some((f) => f.prop === UNNAMED_COMPOUND)) {
      throw new SchemaError(`${type.name} has a repeated choice besides other content: name it in codegen/overlay.ts compoundNames`);
    }
    const seen = new Map<string, string>();
    for (const { prop, where } of props(type)) {
      const other = seen.get(prop);
      if (other) throw new SchemaError(`property '${prop}' of ${type.name} is declared twice (${other}, ${where})`);
      seen.set(prop, where);
    }
  }
}
