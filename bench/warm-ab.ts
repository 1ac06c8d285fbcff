/**
 * `npx ts-node --transpile-only bench/warm-ab.ts --baseline DIR [--scenario deleteItem] [--count 100] [--blocks 30] [--calls 50] [--warmup 200]`:
 * a before/after of one warm cell in ONE process, from memory: this checkout's typed-ews clients
 * (stream, call(), ItemBatches) and the baseline checkout's, loaded side by side, timed in alternating
 * blocks of `--calls` calls (CPU time per call, user + system). Neighbours' load moves every block
 * alike, so the ratio after/before of each block is steadier than between processes; the median of
 * the per-block ratios is printed. Both builds share the process's JIT and heap, which
 * `bench/cpu-time.ts` (fresh processes) does not: use this to see small differences, that one for the
 * figures against the floor.
 */
import path from 'node:path';
import { transpileProject } from './build';
import type { BenchClient, ScenarioName, TimedCall } from './clients/bench-client';
import { scenarioResponse } from './fixtures/exchange-responses';
import { option as optionIn } from './options';
import { median } from './stats';
import { cpuMsSince } from './cpu-clock';

const option = (name: string, fallback: string): string => optionIn(process.argv, name, fallback);

type Variant = 'stream' | 'call' | 'batches';

function clientOf(buildRoot: string, variant: Variant): BenchClient {
  const clients = path.join(buildRoot, 'bench', 'clients');
  if (variant === 'batches') return (require(path.join(clients, 'typed-ews-batches')) as typeof import('./clients/typed-ews-batches')).typedEwsBatchesClient();
  return (require(path.join(clients, 'typed-ews')) as typeof import('./clients/typed-ews')).typedEwsClient({ stream: variant === 'stream' });
}

async function cpuPerCall(call: TimedCall, calls: number): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < calls; i++) await call();
  return cpuMsSince(started) / calls;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const baseline = option('--baseline', '');
  if (baseline === '') throw new Error('--baseline DIR is required');
  const scenario = option('--scenario', 'deleteItem') as ScenarioName;
  const count = Number(option('--count', '100'));
  const blocks = Number(option('--blocks', '30'));
  const warmup = Number(option('--warmup', '200'));
  const calls = Number(option('--calls', String(Math.max(2, Math.ceil(5_000 / count)))));
  const variants = option('--variants', scenario === 'findItemGrouped' ? 'stream,call' : 'stream,call,batches').split(',') as Variant[];
  const builds = { after: path.join(root, 'bench', '.out', 'build'), before: path.join(path.resolve(baseline), 'bench', '.out', 'build') };
  transpileProject(root, builds.after);
  transpileProject(path.resolve(baseline), builds.before);
  const response = Buffer.from(scenarioResponse(scenario, count), 'utf8');
  const lines = [`${scenario}, N = ${count}, from memory: CPU ms per call, medians of ${blocks} alternating blocks of ${calls} calls`, '',
    '| variant | before | after | after / before (median of blocks) |', '|---|---:|---:|---:|'];
  for (const variant of variants) {
    const timed = { before: clientOf(builds.before, variant).prepare(scenario, count, { kind: 'memory', response }),
      after: clientOf(builds.after, variant).prepare(scenario, count, { kind: 'memory', response }) };
    for (let i = 0; i < warmup; i++) { await timed.before(); await timed.after(); }
    const before: number[] = [];
    const after: number[] = [];
    for (let block = 0; block < blocks; block++) {
      const order = block % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const which of order) (which === 'before' ? before : after).push(await cpuPerCall(timed[which], calls));
    }
    const ratio = median(after.map((a, i) => a / before[i]));
    lines.push(`| ${variant} | ${median(before).toFixed(3)} | ${median(after).toFixed(3)} | ${ratio.toFixed(3)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
