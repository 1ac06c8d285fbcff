/**
 * Runs the plan: every cell in its own child process, rounds interleaved (each round measures every
 * cell once, clients in rotated order), so that drift of the machine hits all clients alike.
 */
import path from 'node:path';
import { transpileProject } from './build';
import { runNode, type ChildResult } from './child-process';
import { measures, type ClientName, type ScenarioName } from './clients/bench-client';
import { REQUEST_BUILDERS, repetitionsFor, type RequestBuilderName, type Cell, type Measurement, type PagingMeasurement, type Repetitions } from './cells';
import { COLD_CLIENTS, measureCold } from './cold';
import { PEAK_RSS_SCRIPT } from './peak-rss';
import { startCannedServer, type CannedServer } from './server/canned-server';
import { STARTUP_TARGETS } from './startup';
import { median } from './stats';

export type Section = 'startup' | 'cold' | 'build' | 'http' | 'memory';

export interface BenchOptions {
  readonly rounds: number;
  /** The clients of the HTTP and memory sections (the floor among them). */
  readonly clients: readonly ClientName[];
  /** Extra `node` flags for every measuring child (diagnostics, e.g. a capped young generation). */
  readonly childFlags: readonly string[];
  /** Over loopback HTTP: all four scenarios. */
  readonly httpSizes: readonly number[];
  /** Response handed over from memory: building and parsing only. */
  readonly memorySizes: readonly number[];
  readonly memoryScenarios: readonly ScenarioName[];
  readonly httpScenarios: readonly ScenarioName[];
  /** CreateItem requests of N appointments, written without I/O. */
  readonly buildSizes: readonly number[];
  /** Start-up processes per target and round (their median is the round's value). */
  readonly startupRuns: number;
  /** Cold cells (fresh process → first result, see cold.ts): these N, for every scenario of `coldScenarios`. */
  readonly coldSizes: readonly number[];
  readonly coldScenarios: readonly ScenarioName[];
  /** Fresh processes per cold cell and round (their median is the round's value). */
  readonly coldRuns: number;
  /** Leave out the warm HTTP and memory cells, the builders and paging (`--cold`). */
  readonly coldOnly?: boolean;
  readonly paging?: { readonly total: number; readonly pageSize: number };
  /** Overrides `repetitionsFor(N)` (the smoke test uses one call). */
  readonly repetitions?: Repetitions;
  readonly log: (line: string) => void;
}

/** One round's value of a cell, or why the child failed. */
export type RoundValue =
  | { readonly timeMs: number; readonly firstMs: number; readonly rssKiB: number }
  | { readonly error: string };

export interface Series {
  readonly section: Section;
  /** The client, request builder, or start-up target (`node -e 0` for the baseline). */
  readonly subject: string;
  readonly scenario?: ScenarioName;
  readonly count: number;
  readonly rounds: RoundValue[];
}

export interface BenchResults {
  readonly series: Series[];
  readonly paging?: PagingMeasurement | { readonly error: string };
  /** Requests the canned server found wrong (a client that did not send what the scenario asks). */
  readonly violations: readonly string[];
  readonly durationMs: number;
}

export const NODE_BASELINE = 'node -e 0';
/** What `node -e 0` does, plus printing its peak RSS like the other start-up targets. */
const BASELINE_SCRIPT = PEAK_RSS_SCRIPT;
const CHILD_TIMEOUT_MS = 20 * 60_000;

/** A group of cells compared with each other: same section, scenario and N, one per subject. */
interface Group {
  readonly section: Section;
  readonly scenario?: ScenarioName;
  readonly count: number;
  readonly subjects: readonly string[];
}

export async function runBenchmark(options: BenchOptions, root: string): Promise<BenchResults> {
  const started = performance.now();
  const buildRoot = path.join(root, 'bench', '.out', 'build');
  options.log('transpiling src/, generated/ and bench/ for the child processes…');
  transpileProject(root, buildRoot);
  const server = await startCannedServer();
  try {
    const groups = planGroups(options);
    for (const group of groups) if (group.scenario && group.section !== 'build') server.prepare(group.scenario, group.count);
    const series = new Map<string, Series>();
    for (let round = 0; round < options.rounds; round++) {
      for (const group of groups) {
        for (const subject of rotate(group.subjects, round)) {
          const key = `${group.section}|${group.scenario ?? ''}|${group.count}|${subject}`;
          if (!series.has(key)) series.set(key, { section: group.section, subject, scenario: group.scenario, count: group.count, rounds: [] });
          const value = await measure(group, subject, { buildRoot, server, options });
          series.get(key)!.rounds.push(value);
          options.log(`round ${round + 1}/${options.rounds} ${cellName(group, subject)}: ${'error' in value ? `FAILED ${value.error}` : `${value.timeMs.toFixed(1)} ms, ${(value.rssKiB / 1024).toFixed(0)} MiB`}`);
        }
      }
    }
    const paging = options.paging && !options.coldOnly ? await measurePaging(options.paging, buildRoot, server, options) : undefined;
    return { series: [...series.values()], paging, violations: [...server.violations], durationMs: performance.now() - started };
  } finally {
    await server.close();
  }
}

function planGroups(options: BenchOptions): Group[] {
  const groups: Group[] = [];
  if (options.startupRuns > 0) groups.push({ section: 'startup', count: 0, subjects: [NODE_BASELINE, ...STARTUP_TARGETS] });
  for (const scenario of options.coldScenarios) {
    for (const count of options.coldSizes) {
      const subjects = COLD_CLIENTS.filter((client) => options.clients.includes(client) && measures(client, scenario, count));
      groups.push({ section: 'cold', scenario, count, subjects });
    }
  }
  if (options.coldOnly) return groups;
  for (const count of options.buildSizes) groups.push({ section: 'build', count, subjects: REQUEST_BUILDERS });
  for (const scenario of options.httpScenarios) {
    for (const count of options.httpSizes) groups.push({ section: 'http', scenario, count, subjects: options.clients.filter((client) => measures(client, scenario, count)) });
  }
  for (const scenario of options.memoryScenarios) {
    for (const count of options.memorySizes) groups.push({ section: 'memory', scenario, count, subjects: options.clients.filter((client) => measures(client, scenario, count)) });
  }
  return groups;
}

/** Round r starts with the r-th subject, so no client always runs first (or always right after another). */
function rotate<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

interface Context {
  readonly buildRoot: string;
  readonly server: CannedServer;
  readonly options: BenchOptions;
}

async function measure(group: Group, subject: string, context: Context): Promise<RoundValue> {
  try {
    if (group.section === 'startup') return await measureStartup(subject, context);
    if (group.section === 'cold') {
      const cell = { client: subject as ClientName, scenario: group.scenario!, count: group.count, server: context.server.url };
      return await checked(context.server, () => measureCold(cell, context.buildRoot, context.options.coldRuns));
    }
    const repetitions = context.options.repetitions ?? repetitionsFor(group.count);
    const cell: Cell = group.section === 'build'
      ? { kind: 'build', builder: subject as RequestBuilderName, count: group.count, ...repetitions }
      : {
        kind: 'call', client: subject as ClientName, scenario: group.scenario!, count: group.count,
        transport: group.section, server: context.server.url, ...repetitions,
      };
    return await checked(context.server, async () => {
      const measurement = JSON.parse(await runChild(cell, context.buildRoot, context.options.childFlags)) as Measurement;
      return { timeMs: median(measurement.timesMs), firstMs: measurement.firstMs, rssKiB: measurement.peakRssKiB };
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The value, unless the server found a request of it wrong (it checks each one right after answering). */
async function checked(server: CannedServer, measureCell: () => Promise<RoundValue>): Promise<RoundValue> {
  const violationsBefore = server.violations.length;
  const value = await measureCell();
  await new Promise((resolve) => setImmediate(resolve));
  const violations = server.violations.slice(violationsBefore);
  return violations.length > 0 ? { error: `wrong request: ${violations[0]}` } : value;
}

async function runChild(cell: Cell, buildRoot: string, childFlags: readonly string[] = []): Promise<string> {
  // The same generous heap limit for every client, so that none fails merely on Node's default.
  const args = ['--expose-gc', '--max-old-space-size=8192', ...childFlags, path.join(buildRoot, 'bench', 'child.js'), JSON.stringify(cell)];
  const result = await runNode(args, CHILD_TIMEOUT_MS);
  if (result.code !== 0) throw new Error(failureOf(result));
  return lastLine(result.stdout);
}

/** The median wall time of `startupRuns` processes that import and construct the client. */
async function measureStartup(subject: string, context: Context): Promise<RoundValue> {
  const args = subject === NODE_BASELINE ? ['-e', BASELINE_SCRIPT] : [path.join(context.buildRoot, 'bench', 'startup.js'), subject];
  const times: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < context.options.startupRuns; run++) {
    const result = await runNode(args, 60_000);
    if (result.code !== 0) throw new Error(failureOf(result));
    times.push(result.elapsedMs);
    rss.push(Number(lastLine(result.stdout)));
  }
  return { timeMs: median(times), firstMs: times[0], rssKiB: median(rss) };
}

async function measurePaging(
  paging: NonNullable<BenchOptions['paging']>, buildRoot: string, server: CannedServer, options: BenchOptions,
): Promise<PagingMeasurement | { error: string }> {
  options.log(`paging ${paging.total} items, ${paging.pageSize} per page…`);
  try {
    return JSON.parse(await runChild({ kind: 'paging', server: server.url, ...paging }, buildRoot)) as PagingMeasurement;
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function cellName(group: Group, subject: string): string {
  return [group.section, group.scenario, group.count > 0 ? `N=${group.count}` : undefined, subject].filter(Boolean).join(' ');
}

/** The error's first line (children print the message before the stack), or how the process ended. */
function failureOf(result: ChildResult): string {
  if (result.timedOut) return 'timed out';
  const message = result.stderr.trim().split('\n')[0];
  if (/heap out of memory|Reached heap limit/i.test(result.stderr)) return 'JavaScript heap out of memory';
  return message || `exit code ${result.code}`;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}
