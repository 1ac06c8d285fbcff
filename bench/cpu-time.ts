/**
 * `npx ts-node --transpile-only bench/cpu-time.ts [--sizes 1000,10000] [--scenarios …] [--rounds 5] [--transport memory|http] [--batches] [--baseline DIR] [--warmup 3]`:
 * the CPU time (user + system, all of the process's threads, garbage collection included) of each
 * warm call, against the plain saxes floor, in fresh child processes and interleaved rounds like
 * `npm run bench`. On a machine shared with other work, wall time measures the neighbours as much as
 * the client (a floor call took 2-4x longer from one round to the next at a load average of 13 on two
 * cores); CPU time moves far less, so ratios measured in it are the ones to compare under load.
 * `--batches` adds ItemBatches (GetItem, CreateItem, DeleteItem at N ≤ 100). `--baseline DIR` adds
 * the typed-ews rows of another checkout (e.g. `git archive main` unpacked, with node_modules linked),
 * marked `(before)`, to the same interleaved rounds: a before/after of a change.
 */
import path from 'node:path';
import { transpileProject } from './build';
import { runNode } from './child-process';
import { measures, SCENARIOS, type BenchClient, type ClientName, type ScenarioName } from './clients/bench-client';
import { expectedOutcome } from './cells';
import { scenarioResponse } from './fixtures/exchange-responses';
import { peakRssKiB } from './peak-rss';
import { startCannedServer } from './server/canned-server';
import { option } from './options';
import { median } from './stats';
import { cpuMsSince } from './cpu-clock';

const CLIENTS = ['saxes floor', 'saxes floor (xmlns)', 'typed-ews stream', 'typed-ews'] as const satisfies readonly ClientName[];
/** With `--batches`: ItemBatches too, where it has the scenario (see `measures`). */
type Client = (typeof CLIENTS)[number] | 'typed-ews ItemBatches';
const TYPED_EWS_CLIENTS = ['typed-ews stream', 'typed-ews', 'typed-ews ItemBatches'] as const satisfies readonly Client[];

/** One row of the table: a client, built from this checkout or from the baseline's. */
interface Row {
  readonly label: string;
  readonly client: Client;
  readonly buildRoot: string;
}

interface CpuCell {
  readonly client: Client;
  readonly scenario: ScenarioName;
  readonly count: number;
  readonly transport: 'memory' | 'http';
  readonly server?: string;
  /** The build whose client modules are loaded: this checkout's, or the baseline's. */
  readonly clientRoot: string;
  /** Untimed calls before the timed ones. */
  readonly warmup: number;
}

interface CpuMeasurement {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly rssKiB: number;
}

async function loadClient(client: Client, clientRoot: string): Promise<BenchClient> {
  const clients = path.join(clientRoot, 'bench', 'clients');
  if (client === 'saxes floor' || client === 'saxes floor (xmlns)') {
    return ((await import(path.join(clients, 'saxes-floor'))) as typeof import('./clients/saxes-floor')).saxesFloorClient({ xmlns: client !== 'saxes floor' });
  }
  if (client === 'typed-ews ItemBatches') {
    return ((await import(path.join(clients, 'typed-ews-batches'))) as typeof import('./clients/typed-ews-batches')).typedEwsBatchesClient();
  }
  return ((await import(path.join(clients, 'typed-ews'))) as typeof import('./clients/typed-ews')).typedEwsClient({ stream: client === 'typed-ews stream' });
}

/** In the child: warm-up calls, then timed ones; the median CPU and wall time per call. */
async function measure(cell: CpuCell): Promise<CpuMeasurement> {
  const client = await loadClient(cell.client, cell.clientRoot);
  const call = client.prepare(cell.scenario, cell.count, cell.transport === 'memory'
    ? { kind: 'memory', response: Buffer.from(scenarioResponse(cell.scenario, cell.count), 'utf8') }
    : { kind: 'http', url: `${cell.server}/ews/${cell.scenario}/${cell.count}` });
  const timed = Math.max(5, Math.min(20, Math.ceil(20_000 / cell.count)));
  const cpu: number[] = [];
  const wall: number[] = [];
  const expected = expectedOutcome(cell.scenario, cell.count);
  for (let run = 0; run < cell.warmup + timed; run++) {
    const started = process.cpuUsage();
    const startedAt = performance.now();
    const outcome = await call();
    const elapsed = performance.now() - startedAt;
    const cpuMs = cpuMsSince(started);
    if (outcome.items !== expected.items || outcome.errors !== expected.errors) throw new Error(`${cell.client} saw ${JSON.stringify(outcome)}, expected ${JSON.stringify(expected)}`);
    if (run >= cell.warmup) {
      cpu.push(cpuMs);
      wall.push(elapsed);
    }
  }
  client.close();
  return { cpuMs: median(cpu), wallMs: median(wall), rssKiB: peakRssKiB() };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') {
    process.stdout.write(`${JSON.stringify(await measure(JSON.parse(argv[1]) as CpuCell))}\n`);
    return;
  }
  const root = path.resolve(__dirname, '..');
  const buildRoot = path.join(root, 'bench', '.out', 'build');
  const sizes = option(argv, '--sizes', '1000,10000').split(',').map(Number);
  const scenarios = option(argv, '--scenarios', SCENARIOS.join(',')).split(',') as ScenarioName[];
  const rounds = Number(option(argv, '--rounds', '5'));
  const transport = option(argv, '--transport', 'memory') as 'memory' | 'http';
  const baseline = option(argv, '--baseline', '');
  // 3 by default; the JIT's background compilation counts as CPU time, so small N needs many more to be steady.
  const warmup = Number(option(argv, '--warmup', '3'));
  transpileProject(root, buildRoot);
  const baselineBuild = baseline === '' ? undefined : path.join(path.resolve(baseline), 'bench', '.out', 'build');
  if (baselineBuild !== undefined) transpileProject(path.resolve(baseline), baselineBuild);
  const clients: readonly Client[] = argv.includes('--batches') ? [...CLIENTS, 'typed-ews ItemBatches'] : CLIENTS;
  const rows: readonly Row[] = [
    ...clients.map((client) => ({ label: client, client, buildRoot })),
    ...(baselineBuild === undefined ? []
      : TYPED_EWS_CLIENTS.filter((client) => clients.includes(client)).map((client) => ({ label: `${client} (before)`, client, buildRoot: baselineBuild }))),
  ];
  const server = transport === 'http' ? await startCannedServer() : undefined;
  const results = new Map<string, CpuMeasurement[]>();
  try {
    for (const scenario of scenarios) for (const count of sizes) server?.prepare(scenario, count);
    for (let round = 0; round < rounds; round++) {
      for (const scenario of scenarios) {
        for (const count of sizes) {
          for (let i = 0; i < rows.length; i++) {
            const { label, client, buildRoot: clientRoot } = rows[(i + round) % rows.length];
            if (!measures(client, scenario, count)) continue;
            const cell: CpuCell = { client, scenario, count, transport, server: server?.url, clientRoot, warmup };
            const child = await runNode(['--expose-gc', path.join(buildRoot, 'bench', 'cpu-time.js'), '--child', JSON.stringify(cell)], 20 * 60_000);
            if (child.code !== 0) throw new Error(`${label} ${scenario} ${count}: ${child.stderr.trim().split('\n')[0]}`);
            const key = `${scenario}|${count}|${label}`;
            results.set(key, [...(results.get(key) ?? []), JSON.parse(child.stdout.trim().split('\n').pop()!) as CpuMeasurement]);
            process.stderr.write(`round ${round + 1}/${rounds} ${key}\n`);
          }
        }
      }
    }
  } finally {
    await server?.close();
  }
  const lines = [
    `CPU time per warm call (${transport}, ${warmup} warm-up calls), medians of ${rounds} interleaved rounds; ratios taken within each round, then the median.`,
    '',
    '| Scenario | N | Client | CPU | × floor (CPU) | Wall | × floor (wall) | Peak RSS | RSS × floor |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const scenario of scenarios) {
    for (const count of sizes) {
      const floor = results.get(`${scenario}|${count}|saxes floor`)!;
      for (const { label } of rows) {
        const measured = results.get(`${scenario}|${count}|${label}`);
        if (measured === undefined) continue;
        const ratio = (pick: (m: CpuMeasurement) => number) => median(measured.map((row, i) => pick(row) / pick(floor[i])));
        lines.push(`| ${scenario} | ${count.toLocaleString('en-US')} | ${label} | ${median(measured.map((r) => r.cpuMs)).toFixed(1)} ms | ${ratio((m) => m.cpuMs).toFixed(2)}× `
          + `| ${median(measured.map((r) => r.wallMs)).toFixed(1)} ms | ${ratio((m) => m.wallMs).toFixed(2)}× | ${(median(measured.map((r) => r.rssKiB)) / 1024).toFixed(0)} MiB | ${ratio((m) => m.rssKiB).toFixed(2)}× |`);
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
