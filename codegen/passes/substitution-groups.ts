/**
 * Pass: substitution groups. A reference to a head element (`t:Path`, `t:SearchExpression`,
 * `t:Transition`) stands for a choice of every element that may substitute for it, transitively; an
 * abstract head is not itself an alternative.
 */
import { GlobalElementModel, SchemaModel, qnameKey } from '../model';
import { SchemaError } from '../xsd/xml-tree';

export class SubstitutionGroups {
  private readonly members = new Map<string, GlobalElementModel[]>();

  constructor(private readonly model: SchemaModel) {
    for (const element of model.elements.values()) {
      if (!element.substitutionGroup) continue;
      const headKey = qnameKey(element.substitutionGroup);
      if (!model.elements.has(headKey)) {
        throw new SchemaError(`substitutionGroup ${element.substitutionGroup.local} is not a global element`, element.location);
      }
      const list = this.members.get(headKey) ?? [];
      list.push(element);
      this.members.set(headKey, list);
    }
  }

  /** Heads with their number of members, for the report. */
  heads(): Array<{ head: string; members: number }> {
    return [...this.members.keys()].map((key) => ({
      head: this.model.elements.get(key)!.name.local,
      members: this.alternatives(key).filter((el) => qnameKey(el.name) !== key).length,
    }));
  }

  isHead(elementKey: string): boolean {
    return this.members.has(elementKey);
  }

  /** The elements that may appear where `elementKey` is referenced, in schema order. */
  alternatives(elementKey: string, seen = new Set<string>()): GlobalElementModel[] {
    if (seen.has(elementKey)) return [];
    seen.add(elementKey);
    const element = this.model.elements.get(elementKey)!;
    const result = element.abstract ? [] : [element];
    for (const member of this.members.get(elementKey) ?? []) result.push(...this.alternatives(qnameKey(member.name), seen));
    return result;
  }
}
