/**
 * The version-fact rules on the real historical sets: doubtful sets inform but never decide, and an
 * item counts as dropped only when a trustworthy later set lacks it.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../codegen/generate';
import { compileSetDir, loadComparedSets, setDirs } from '../../codegen/versions/schema-sets';
import { computeVersionFacts, countFacts } from '../../codegen/versions/version-facts';
import type { SchemaSet } from '../../src/schema/descriptors';
import { versionLookup } from '../../src/schema/version-facts';

const VERSIONS = join(PROJECT_ROOT, 'schemas/versions');

function factsFor(set: string) {
  const dir = join(VERSIONS, set);
  let target!: SchemaSet;
  const sets = loadComparedSets(setDirs(VERSIONS, [join(PROJECT_ROOT, 'schemas/ews')]), dir, () => {
    const compiled = compileSetDir(dir);
    target = compiled.schema;
    return compiled;
  });
  return computeVersionFacts(target, sets);
}

describe('version facts of the historical sets', () => {
  it('drops nothing of Exchange 2010 SP2, although the edited 2013 SP1 set lacks some of its elements', () => {
    const facts = factsFor('exchange2010-sp2');
    expect(countFacts(facts).dropped).toBe(0);
    expect(facts.sets.map((s) => s.name)).toEqual(['exchange2007-sp1', 'exchange2010-sp1', 'exchange2010-sp2', 'exchange2013-sp1', 'exchange2016', 'exchange2019', 'ews']);
    expect(versionLookup(facts).operation('GetPasswordExpirationDate')).toBe(2);
  });

  it('marks the Online-era components of the 2016 set as dropped after Exchange2016, on the word of the 2019 set', () => {
    const facts = factsFor('exchange2016');
    const lookup = versionLookup(facts);
    const names = facts.sets.map((s) => s.name);
    const dropped = [...lookup.all()].filter(([, , fact]) => typeof fact !== 'number');
    expect(dropped.length).toBeGreaterThan(500);
    // The last set with them is 2016 itself; some were already in the 2013 SP1 set.
    for (const [, , fact] of dropped) expect((fact as readonly number[])[1]).toBe(names.indexOf('exchange2016'));
    expect(lookup.type('SetUnifiedGroupSenderRestrictionsRequestType')).toEqual([names.indexOf('exchange2016'), names.indexOf('exchange2016')]);
    // What 2019 kept is not dropped: GetUserPhoto (2013 SP1) is in every later set.
    expect(lookup.operation('GetUserPhoto')).toBe(names.indexOf('exchange2013-sp1'));
  });
});
