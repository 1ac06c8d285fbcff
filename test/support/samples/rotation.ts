/**
 * Deterministic round-robin picks: the k-th pick at one site (an enumeration, a choice, a union)
 * takes option (seed + k) mod n. Successive uses of a site cover its options in turn, and a different
 * seed shifts every site, so samples of different types cover different alternatives.
 */
export class Rotation {
  private readonly uses = new Map<string, number>();

  constructor(private readonly seed: number) {}

  pick(site: string, optionCount: number): number {
    const k = this.uses.get(site) ?? 0;
    this.uses.set(site, k + 1);
    return (this.seed + k) % optionCount;
  }
}

/** FNV-1a: a stable small number from a name (the default seed of a type's sample). */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 1000;
}
