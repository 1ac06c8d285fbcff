/**
 * Pass: content models → fields. Flattens a complex type's particle tree into the properties of the
 * instance model (see src/schema/descriptors.ts):
 * - an element becomes an ElementField, an array when it may repeat (occurrences multiply through
 *   enclosing groups);
 * - a choice that occurs at most once spreads its branches into fields tagged with a choice group;
 * - a repeated choice or sequence holding several elements becomes one CompoundField whose entries
 *   keep document order;
 * - group references are inlined; substitution-group heads become choices of their members.
 */
import type { ElementDesc, ElementField, FieldDesc } from '../../src/schema/descriptors';
import { Occurs, Particle, SchemaModel, qnameKey } from '../model';
import { overlay } from '../overlay';
import { SchemaError } from '../xsd/xml-tree';
import { SubstitutionGroups } from './substitution-groups';
import { TypeNames } from './type-names';

/** Placeholder property of a compound that is not named yet; the wrapper pass makes most of them arrays. */
export const UNNAMED_COMPOUND = '$entries';

type ChoiceTag = ElementField['choice'];

export class ContentFlattener {
  private choiceGroups = 0;

  constructor(
    private readonly model: SchemaModel,
    private readonly names: TypeNames,
    private readonly substitutions: SubstitutionGroups,
  ) {}

  fields(owner: string, particle: Particle | undefined): FieldDesc[] {
    this.choiceGroups = 0;
    return particle ? this.flatten(owner, particle, { min: 1, max: 1 }, undefined) : [];
  }

  private flatten(owner: string, p: Particle, outer: Occurs, choice: ChoiceTag): FieldDesc[] {
    const occurs = { min: outer.min * p.min, max: outer.max * p.max };
    switch (p.kind) {
      case 'element':
        return [this.elementField(owner, this.localElement(owner, p), occurs, choice)];
      case 'elementRef': {
        const key = qnameKey(p.ref);
        if (!this.model.elements.has(key)) throw new SchemaError(`ref to undefined element ${p.ref.local}`, p.location);
        if (this.substitutions.isHead(key)) return this.choiceOf(owner, this.refAlternatives(key), occurs, choice, p.ref.local);
        return [this.elementField(owner, this.globalElement(key, owner), occurs, choice)];
      }
      case 'groupRef': {
        const group = this.model.groups.get(qnameKey(p.ref));
        if (!group) throw new SchemaError(`ref to undefined group ${p.ref.local}`, p.location);
        return this.flatten(owner, group, occurs, choice);
      }
      case 'any':
        if (occurs.max > 1 && p.max <= 1) throw new SchemaError(`xs:any inside a repeated group of ${owner} is not supported`);
        return [{ kind: 'any', prop: '$any', many: occurs.max > 1, min: occurs.min, namespace: p.namespace, processContents: p.processContents }];
      case 'sequence':
      case 'all':
        if (occurs.max > 1) return this.repeated(owner, p, occurs, choice);
        return p.particles.flatMap((child) => this.flatten(owner, child, occurs, choice));
      case 'choice': {
        if (occurs.max > 1) return this.repeated(owner, p, occurs, choice);
        if (p.particles.length === 1) return this.flatten(owner, p.particles[0], occurs, choice);
        const group = this.choiceGroups++;
        return this.branches(p).flatMap((branch, index) =>
          this.flatten(owner, branch, { min: 1, max: 1 }, { group, branch: index, required: occurs.min > 0 }));
      }
    }
  }

  /**
   * The branches of a single choice, with nested single choices and substitution-group references
   * spliced in: `choice(t:Path, Constant)` has four branches (FieldURI, IndexedFieldURI,
   * ExtendedFieldURI, Constant), not two, since exactly one of the four appears.
   */
  private branches(choice: Extract<Particle, { particles: readonly Particle[] }>): Particle[] {
    return choice.particles.flatMap((branch): Particle[] => {
      if (branch.max !== 1 || branch.min !== 1) return [branch];
      if (branch.kind === 'choice') return this.branches(branch);
      if (branch.kind === 'elementRef' && this.substitutions.isHead(qnameKey(branch.ref))) {
        return this.substitutions.alternatives(qnameKey(branch.ref))
          .map((el) => ({ kind: 'elementRef' as const, ref: el.name, location: branch.location, min: 1, max: 1 }));
      }
      return [branch];
    });
  }

  /** A substitution-group reference: one field when it has one alternative, else a choice of them. */
  private choiceOf(owner: string, alternatives: ElementDesc[], occurs: Occurs, choice: ChoiceTag, headName: string): FieldDesc[] {
    if (alternatives.length === 1) return [this.elementField(owner, alternatives[0], occurs, choice)];
    if (occurs.max > 1) return [{ kind: 'compound', prop: headName, alternatives, min: occurs.min > 0 ? 1 : 0 }];
    const group = this.choiceGroups++;
    return alternatives.map((element, branch) => ({
      kind: 'element' as const, prop: element.name, element, min: 1, many: false,
      choice: { group, branch, required: occurs.min > 0 },
    }));
  }

  /** A repeating group: one array field when it holds one element, else a compound of all its elements. */
  private repeated(owner: string, p: Particle, occurs: Occurs, choice: ChoiceTag): FieldDesc[] {
    const alternatives = this.elementsIn(owner, p);
    if (alternatives.length === 1) return [this.elementField(owner, alternatives[0], occurs, choice)];
    const seen = new Set<string>();
    for (const alt of alternatives) {
      if (seen.has(alt.name)) throw new SchemaError(`repeated group of ${owner} holds element ${alt.name} twice`);
      seen.add(alt.name);
    }
    const prop = overlay.compoundNames[owner] ?? UNNAMED_COMPOUND;
    return [{ kind: 'compound', prop, alternatives, min: occurs.min > 0 ? 1 : 0 }];
  }

  /** Every element a particle can produce, in schema order. */
  private elementsIn(owner: string, p: Particle): ElementDesc[] {
    switch (p.kind) {
      case 'element': return [this.localElement(owner, p)];
      case 'elementRef': {
        const key = qnameKey(p.ref);
        return this.substitutions.isHead(key) ? this.refAlternatives(key) : [this.globalElement(key, owner)];
      }
      case 'groupRef': return this.elementsIn(owner, this.model.groups.get(qnameKey(p.ref))!);
      case 'any': throw new SchemaError(`xs:any inside a repeated group of ${owner} is not supported`);
      default: return p.particles.flatMap((child) => this.elementsIn(owner, child));
    }
  }

  private refAlternatives(headKey: string): ElementDesc[] {
    return this.substitutions.alternatives(headKey).map((el) => this.globalElement(qnameKey(el.name), ''));
  }

  private elementField(owner: string, element: ElementDesc, occurs: Occurs, choice: ChoiceTag): ElementField {
    return {
      kind: 'element', prop: element.name, element,
      min: occurs.min > 0 ? 1 : 0, many: occurs.max > 1,
      ...(choice && { choice }),
    };
  }

  private localElement(owner: string, p: Extract<Particle, { kind: 'element' }>): ElementDesc {
    const { element } = p;
    return this.withAliases(owner, {
      name: element.name.local,
      ns: this.names.prefix(element.name),
      type: this.names.ref(element.type),
      ...(element.nillable && { nillable: true }),
    });
  }

  private globalElement(key: string, owner: string): ElementDesc {
    const element = this.model.elements.get(key)!;
    return this.withAliases(owner, {
      name: element.name.local,
      ns: this.names.prefix(element.name),
      type: this.names.ref(element.type),
      ...(element.nillable && { nillable: true }),
    });
  }

  private withAliases(owner: string, element: ElementDesc): ElementDesc {
    const aliases = overlay.elementAliases[`${owner}/${element.name}`];
    return aliases ? { ...element, aliases } : element;
  }
}
