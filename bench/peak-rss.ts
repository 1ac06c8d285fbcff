/**
 * Peak RSS of this process. Not `process.resourceUsage().maxRSS` alone: on Linux a spawned child
 * inherits its parent's maxRSS (the forked copy counts), so every cell would report at least the
 * parent's size. VmHWM belongs to the child's own address space.
 */
import fs from 'node:fs';

export function peakRssKiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: maxRSS is then the best there is.
  }
  return process.resourceUsage().maxRSS;
}

/** The same, as a script for `node -e` (the start-up baseline must stay a bare `node -e`). */
export const PEAK_RSS_SCRIPT = 'let k;try{k=/^VmHWM:\\s+(\\d+) kB/m.exec(require("fs").readFileSync("/proc/self/status","utf8"))[1]}'
  + 'catch{k=process.resourceUsage().maxRSS}process.stdout.write(k+"\\n")';
