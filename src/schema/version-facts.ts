/**
 * Version facts: in which Exchange release each operation, type, element, attribute and enumeration
 * value first appears (and, rarely, the last release that has it). The generator computes them by
 * comparing the schema sets of schemas/versions/ and stores them in `SchemaSet.versions`; the request
 * check (src/versions/) and the simulator read them.
 *
 * Compact on purpose: only items newer than the oldest set get an entry, and an entry is a small
 * integer (an index into `sets`, which names both the release and the set the fact came from).
 */

/** Index into `VersionFacts.sets` of the first set with the item, or `[first, last]` when later releases dropped it. */
export type VersionFact = number | readonly [number, number];

export interface VersionSetDesc {
  /** Folder name of the set (`exchange2010-sp1`; `ews` for the bundled Exchange Online set). */
  readonly name: string;
  /** The newest ExchangeVersionType the set's own schema declares: the release it stands for. */
  readonly version: string;
  /** Present when the set may only inform (edited, or carrying components later releases dropped). */
  readonly doubtful?: string;
}

export interface VersionFacts {
  /** Every ExchangeVersionType value, oldest first: the order versions are compared in. */
  readonly order: readonly string[];
  /** The sets compared, oldest first. Set 0 is the baseline: what it has carries no fact. */
  readonly sets: readonly VersionSetDesc[];
  /**
   * Facts as `name:fact|name:fact…` text (fact `3`, or `3-5` when dropped after set 5): one string
   * instead of thousands of small objects keeps the descriptors' heap small; read through versionLookup().
   */
  readonly operations: string;
  readonly types: string;
  /** Per type: its elements (`Name`), attributes (`@name`) and enumeration values (`=value`). */
  readonly members: Readonly<Record<string, string>>;
  /**
   * Per type, as a fact: the newest set any member a value of the type may hold starts in (and the
   * earliest after which one was dropped). A release lacking it may lack something such a value holds;
   * types without an entry hold nothing newer. Computed by the generator (codegen/versions/reach-facts.ts).
   */
  readonly reach: string;
}

/** The set index where an item starts. */
export const factSince = (fact: VersionFact): number => (typeof fact === 'number' ? fact : fact[0]);
/** The last set index that has the item, when it was dropped. */
export const factUntil = (fact: VersionFact): number | undefined => (typeof fact === 'number' ? undefined : fact[1]);

/** The separator of encoded facts; the generator checks no name contains it. */
export const FACT_SEPARATOR = '|';

export function encodeFacts(entries: Iterable<readonly [string, VersionFact]>): string {
  return [...entries].map(([name, fact]) => `${name}:${typeof fact === 'number' ? fact : `${fact[0]}-${fact[1]}`}`).join(FACT_SEPARATOR);
}

/** One encoded fact (`3` or `2-5`); undefined for text that is no fact. */
function parseFact(text: string): VersionFact | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return undefined;
  return match[2] === undefined ? Number(match[1]) : [Number(match[1]), Number(match[2])];
}

export function decodeFacts(text: string): Map<string, VersionFact> {
  const facts = new Map<string, VersionFact>();
  if (!text) return facts;
  for (const entry of text.split(FACT_SEPARATOR)) {
    const colon = entry.lastIndexOf(':');
    const fact = parseFact(entry.slice(colon + 1));
    if (fact !== undefined) facts.set(entry.slice(0, colon), fact);
  }
  return facts;
}

/**
 * Facts looked up by name. The operation and type tables are searched, each name once: a call asks for
 * a few, and decoding the ~1,000 type facts took 0.5–2 ms of a process's first call (bench/RESULTS.md,
 * issue 15, third pass). A type's member table is small and read whole, on first use.
 */
export class VersionLookup {
  private readonly operationFacts = new Map<string, VersionFact | undefined>();
  private readonly typeFacts = new Map<string, VersionFact | undefined>();
  private readonly reachFacts = new Map<string, VersionFact | undefined>();
  private readonly memberFacts = new Map<string, Map<string, VersionFact>>();

  constructor(readonly facts: VersionFacts) {}

  operation(name: string): VersionFact | undefined {
    return remembered(this.operationFacts, name, () => searchFacts(this.facts.operations, name));
  }

  type(name: string): VersionFact | undefined {
    return remembered(this.typeFacts, name, () => searchFacts(this.facts.types, name));
  }

  /** The reach fact of a type (see VersionFacts.reach). */
  reach(name: string): VersionFact | undefined {
    return remembered(this.reachFacts, name, () => searchFacts(this.facts.reach, name));
  }

  member(type: string, member: string): VersionFact | undefined {
    let members = this.memberFacts.get(type);
    if (!members) {
      members = decodeFacts(this.facts.members[type] ?? '');
      this.memberFacts.set(type, members);
    }
    return members.get(member);
  }

  /** Every fact, for counts and the newest release any item needs. */
  *all(): Iterable<readonly [kind: 'operation' | 'type' | 'member', name: string, fact: VersionFact]> {
    for (const [name, fact] of decodeFacts(this.facts.operations)) yield ['operation', name, fact];
    for (const [name, fact] of decodeFacts(this.facts.types)) yield ['type', name, fact];
    for (const [type, text] of Object.entries(this.facts.members)) for (const [name, fact] of decodeFacts(text)) yield ['member', `${type}/${name}`, fact];
  }
}

function remembered(found: Map<string, VersionFact | undefined>, name: string, search: () => VersionFact | undefined): VersionFact | undefined {
  if (found.has(name)) return found.get(name);
  const fact = search();
  found.set(name, fact);
  return fact;
}

/** The fact of `name` in encoded text (as decodeFacts would map it), without decoding the rest. */
export function searchFacts(text: string, name: string): VersionFact | undefined {
  const key = `${name}:`;
  let start = text.startsWith(key) ? key.length : -1;
  let from = 0;
  for (;;) {
    if (start < 0) {
      const at = text.indexOf(FACT_SEPARATOR + key, from);
      if (at < 0) return undefined;
      start = at + 1 + key.length;
    }
    let end = text.indexOf(FACT_SEPARATOR, start);
    if (end < 0) end = text.length;
    // `a:` also begins the entry of a name `a:b`, whose remainder is no fact: look further.
    const fact = parseFact(text.slice(start, end));
    if (fact !== undefined) return fact;
    from = start;
    start = -1;
  }
}

const lookups = new WeakMap<VersionFacts, VersionLookup>();

export function versionLookup(facts: VersionFacts): VersionLookup {
  let lookup = lookups.get(facts);
  if (!lookup) {
    lookup = new VersionLookup(facts);
    lookups.set(facts, lookup);
  }
  return lookup;
}
