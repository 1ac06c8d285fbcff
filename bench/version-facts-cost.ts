/**
 * `npx ts-node --transpile-only bench/version-facts-cost.ts [runs]`: what the version facts add to
 * loading the descriptors. Parses the descriptors of generated/schema.ts, as one JSON text, with and without its
 * `versions` member, each in a fresh Node process (so no string is shared between the two), and prints
 * the median parse time and retained heap of each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schema as bundledSchema } from '../generated/schema';

const CHILD = `
const text = require('fs').readFileSync(process.argv[1], 'utf8');
global.gc(); const before = process.memoryUsage().heapUsed;
const started = process.hrtime.bigint(); const schema = JSON.parse(text);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
global.gc(); console.log(JSON.stringify({ ms, heapKiB: (process.memoryUsage().heapUsed - before) / 1024, keys: Object.keys(schema).length }));`;

// Every type read once (JSON.stringify reads them all), as the descriptor JSON before the per-type table.
const schema = JSON.parse(JSON.stringify(bundledSchema)) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'version-facts-'));
const files = { without: join(dir, 'without.json'), with: join(dir, 'with.json') };
writeFileSync(files.without, JSON.stringify({ ...schema, versions: undefined }));
writeFileSync(files.with, JSON.stringify(schema));
const runs = Number(process.argv[2] ?? 7);
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [label, file] of Object.entries(files)) {
  const samples = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', CHILD, file], { encoding: 'utf8' })) as { ms: number; heapKiB: number });
  console.log(`${label.padEnd(8)} versions: ${readFileSync(file).length} bytes, parse ${median(samples.map((s) => s.ms)).toFixed(1)} ms, heap ${median(samples.map((s) => s.heapKiB)).toFixed(0)} KiB (median of ${runs})`);
}
rmSync(dir, { recursive: true, force: true });
