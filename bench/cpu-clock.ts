/** CPU time rather than wall time: on a machine other work loads, it measures this process far more steadily. */

/** This process's CPU time (user + system, all its threads) in ms since `start` (a `process.cpuUsage()` reading), or since it started. */
export function cpuMsSince(start?: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
