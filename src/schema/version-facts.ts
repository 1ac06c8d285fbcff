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
  readonly operations: Readonly<Record<string, VersionFact>>;
  readonly types: Readonly<Record<string, VersionFact>>;
  /** Per type: its elements (`Name`), attributes (`@name`) and enumeration values (`=value`). */
  readonly members: Readonly<Record<string, Readonly<Record<string, VersionFact>>>>;
}

/** The set index where an item starts. */
export const factSince = (fact: VersionFact): number => (typeof fact === 'number' ? fact : fact[0]);
/** The last set index that has the item, when it was dropped. */
export const factUntil = (fact: VersionFact): number | undefined => (typeof fact === 'number' ? undefined : fact[1]);
