/**
 * JSDoc text for the version facts: `@since Exchange2010_SP1`, so an editor shows which release an
 * operation, type, element, attribute or enumeration value needs. Empty for what every release has.
 */
import type { SchemaSet } from '../../src/schema/descriptors';
import { factSince, factUntil, type VersionFact, type VersionFacts } from '../../src/schema/version-facts';

export class VersionDocs {
  private readonly facts?: VersionFacts;

  constructor(schema: SchemaSet) {
    this.facts = schema.versions;
  }

  /** `\n@since …` for a type, or ''. */
  type(name: string): string {
    return this.tag(this.facts?.types[name]);
  }

  /** For an element (`Name`), attribute (`@name`) or enumeration value (`=value`) of a type. */
  member(type: string, member: string): string {
    return this.tag(this.facts?.members[type]?.[member]);
  }

  operation(name: string): string {
    return this.tag(this.facts?.operations[name]);
  }

  /** For an enumeration: which values need a newer release than the type itself. */
  enumValues(type: string, values: readonly string[]): string {
    const members = this.facts?.members[type];
    if (!members) return '';
    const later = values.filter((v) => members[`=${v}`] !== undefined && members[`=${v}`] !== this.facts?.types[type]);
    if (!later.length) return '';
    return `\nValues added later: ${later.map((v) => `\`${v}\` (${this.describe(members[`=${v}`])})`).join(', ')}.`;
  }

  private tag(fact: VersionFact | undefined): string {
    return fact === undefined ? '' : `\n@since ${this.describe(fact)}`;
  }

  private describe(fact: VersionFact): string {
    const sets = this.facts!.sets;
    const first = sets[factSince(fact)];
    const last = factUntil(fact);
    const source = first.doubtful ? ` (per the doubtful ${first.name} set)` : '';
    return `${first.version}${source}${last === undefined ? '' : `; not after ${sets[last].version}`}`;
  }
}
