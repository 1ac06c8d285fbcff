/**
 * Bounds for tests whose work depends on the machine (child processes, whole-program runs): instead of
 * a fixed 60 s, a multiple of what this machine, as loaded right now, takes to start a Node process.
 * On a busy machine process starts slow down with everything else, so the bound grows with the load.
 */
import { spawnSync } from 'node:child_process';

let measured: number | undefined;

/** Median wall time of three `node -e 0` starts, in ms (measured once per test file). */
export function nodeStartMs(): number {
  if (measured === undefined) {
    const times = [0, 1, 2].map(() => {
      const start = performance.now();
      spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
      return performance.now() - start;
    });
    measured = times.sort((a, b) => a - b)[1];
  }
  return measured;
}

/**
 * A timeout for work worth `nodeStarts` Node starts (a benchmark child that loads the SDK and runs a
 * few requests is about 30), with tenfold slack; never below 60 s.
 */
export function scaledTimeout(nodeStarts: number): number {
  return Math.max(60_000, Math.round(nodeStarts * nodeStartMs() * 10));
}
