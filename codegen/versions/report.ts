/** The generator's report lines on version facts: counts by kind and by the set they come from. */
import { versionLookup, factSince, type VersionFacts } from '../../src/schema/version-facts';
import { countFacts } from './version-facts';

export function versionReport(facts: VersionFacts): string {
  const counts = countFacts(facts);
  const bySet = new Map<string, number>();
  for (const [, , fact] of versionLookup(facts).all()) {
    const set = facts.sets[factSince(fact)];
    bySet.set(set.name, (bySet.get(set.name) ?? 0) + 1);
  }
  return [
    `  version facts (newer than ${facts.sets[0].name}): ${counts.operations} operations, ${counts.types} types, ` +
      `${counts.elements} elements, ${counts.attributes} attributes, ${counts.enumValues} enumeration values; ${counts.dropped} dropped later`,
    `  first seen in: ${facts.sets.map((s) => `${s.name} ${bySet.get(s.name) ?? 0}${s.doubtful ? ' (doubtful)' : ''}`).join(', ')}`,
  ].join('\n');
}
