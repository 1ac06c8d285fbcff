/** Medians and per-round ratios: rounds interleave the clients, so a ratio is taken within a round first. */

export function median(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
}

/** Median over rounds of `value[round] / floor[round]`; rounds where either is missing are left out. */
export function medianRatio(values: readonly number[], floor: readonly number[]): number {
  const ratios: number[] = [];
  for (let round = 0; round < values.length; round++) ratios.push(values[round] / floor[round]);
  return median(ratios);
}
