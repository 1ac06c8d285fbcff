/**
 * JSDoc text for the version facts: `@since Exchange2010_SP1`, so an editor shows which release an
 * operation, type, element, attribute or enumeration value needs. Empty for what every release has.
 */
import type { SchemaSet } from '../../src/schema/descriptors';
import { factSince, factUntil, versionLookup, type VersionFact, type VersionFacts, type VersionLookup } from '../../src/schema/version-facts';

export class VersionDocs {
  private readonly facts?: VersionFacts;
  private readonly lookup?: VersionLookup;

  constructor(schema: SchemaSet) {
    this.facts = schema.versions;
    this.lookup = this.facts && versionLookup(this.facts);
  }

  /** `\n@since …` for a type, or ''. */
  type(name: string): string {
    return this.tag(this.lookup?.type(name));
  }

  /** For an element (`Name`), attribute (`@name`) or enumeration value (`=value`) of a type. */
  member(type: string, member: string): string {
    return this.tag(this.lookup?.member(type, member));
  }

  operation(name: string): string {
    return this.tag(this.lookup?.operation(name));
  }

  /** For an enumeration: which values need a newer release than the type itself. */
  enumValues(type: string, values: readonly string[]): string {
    const lookup = this.lookup;
    if (!lookup) return '';
    const typeFact = lookup.type(type);
    const later = values.filter((v) => lookup.member(type, `=${v}`) !== undefined && lookup.member(type, `=${v}`) !== typeFact);
    if (!later.length) return '';
    return `\nValues added later: ${later.map((v) => `\`${v}\` (${this.describe(lookup.member(type, `=${v}`)!)})`).join(', ')}.`;
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
