/**
 * Progress of an export or import: on a TTY one bar redrawn in place (items, bytes, rate, ETA), otherwise
 * plain lines at most every few seconds and at the end, so a log file stays readable.
 */
export interface ProgressCounts {
  readonly items: number;
  readonly bytes: number;
  /** Items expected in all, when known (folder totals at the start). */
  readonly totalItems?: number;
}

export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export class ProgressReporter {
  private readonly started = Date.now();
  private lastLine = 0;

  constructor(private readonly verb: string, private readonly out: ProgressOutput, private readonly lineEveryMs = 2000) {}

  update(counts: ProgressCounts, force = false): void {
    const now = Date.now();
    if (this.out.isTTY) {
      this.out.write(`\r${this.bar(counts)}\x1b[K`);
    } else if (force || now - this.lastLine >= this.lineEveryMs) {
      this.lastLine = now;
      this.out.write(`${this.verb} ${this.summary(counts)}\n`);
    }
  }

  done(counts: ProgressCounts): void {
    if (this.out.isTTY) this.out.write(`\r${this.bar(counts)}\x1b[K\n`);
    else this.out.write(`${this.verb} ${this.summary(counts)} done\n`);
  }

  private bar(counts: ProgressCounts): string {
    const width = 24;
    const fraction = counts.totalItems ? Math.min(1, counts.items / counts.totalItems) : 0;
    const filled = Math.round(fraction * width);
    return `${this.verb} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.summary(counts)}`;
  }

  private summary(counts: ProgressCounts): string {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = counts.items / seconds;
    const of = counts.totalItems !== undefined ? `/${counts.totalItems}` : '';
    const remaining = counts.totalItems !== undefined && rate > 0 ? Math.max(0, counts.totalItems - counts.items) / rate : undefined;
    const eta = remaining === undefined ? '' : `, ETA ${formatDuration(remaining)}`;
    return `${counts.items}${of} items, ${formatBytes(counts.bytes)}, ${rate.toFixed(1)} items/s${eta}`;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
