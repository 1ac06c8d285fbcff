/** Turns the measurements into the Markdown of RESULTS.md: environment, targets, one table per question. */
import type { ScenarioName } from './clients/bench-client';
import type { PagingMeasurement } from './cells';
import { coldSection, coldTargetRows, type Formatters } from './cold-report';
import type { Environment } from './environment';
import { NODE_BASELINE, type BenchResults, type RoundValue, type Section, type Series } from './harness';
import { median, medianRatio } from './stats';

export const TARGET_COUNT = 10_000;

const SCENARIO_TITLES: Record<ScenarioName, string> = {
  findItemGrouped: 'FindItem grouped (N messages in N/10 groups, every group and item visited)',
  getItem: 'GetItem of N calendar items (HTML body, 3 attendees each)',
  createItem: 'CreateItem of N appointments (request building + send + parse)',
  deleteItem: 'DeleteItem of N items, every third ErrorItemNotFound',
};
const FLOOR = 'saxes floor';
const TEMPLATE = 'string template';

interface Summary {
  readonly timeMs: number;
  /** Median over rounds of this round's time / the reference's time in the same round. */
  readonly ratio: number;
  readonly firstMs: number;
  readonly rssMiB: number;
  readonly rssRatio: number;
  readonly failures: string[];
}

export interface ReportInput {
  readonly results: BenchResults;
  readonly environment: Environment;
  readonly command: string;
  readonly rounds: number;
}

export function renderReport({ results, environment, command, rounds }: ReportInput): string {
  return [
    environmentTable(environment, command, rounds, results.durationMs),
    targetsTable(results),
    callSection(results, 'http', '1. End to end over loopback HTTP',
      'Each client sends its request to the canned server on 127.0.0.1 and reads the whole response. The floor posts request bytes built before the clock starts (plain `node:http`) and reads the response with bare saxes without namespace processing, counting items, groups and error messages by local name; `saxes floor (xmlns)` does the same with saxes\' namespace processing.'),
    callSection(results, 'memory', '2. Parse only: the response handed over from memory',
      'No socket: typed-ews gets a `Transport` and ews-javascript-api an `XHRApi` that return the canned bytes in 64 KiB chunks (ews-javascript-api: decoded to one string, as @ewsjs/xhr hands it over). Both still build their request. The floor tokenizes the same chunks.'),
    buildSection(results),
    startupSection(results),
    coldSection(results, FORMATTERS),
    pagingSection(results.paging),
    violationsSection(results.violations),
  ].filter((part) => part !== '').join('\n\n');
}

function environmentTable(environment: Environment, command: string, rounds: number, durationMs: number): string {
  const packages = Object.entries(environment.packages).map(([name, version]) => `${name} ${version}`).join(', ');
  return [
    '### Machine and run',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${environment.cpu} |`,
    `| Cores (nproc) | ${environment.cores} |`,
    `| Node | ${environment.node} |`,
    `| Packages | ${packages} |`,
    `| typed-ews | commit ${environment.commit} |`,
    `| Command | \`${command}\` |`,
    `| Rounds | ${rounds}, interleaved (every cell once per round, clients in rotated order; each cell in a fresh \`node --expose-gc\` process) |`,
    `| Duration | ${formatDuration(durationMs)} |`,
    '',
    '`free -h`:',
    '',
    '```',
    environment.memory,
    '```',
  ].join('\n');
}

function targetsTable(results: BenchResults): string {
  const rows: string[] = [];
  // Both typed-ews APIs are reported: call() keeps the whole response; "stream" is client.stream() for the
  // batch operations (one response message at a time) and the FindItem entry stream (one item at a time).
  // Issue 20: the streaming APIs within `streamLimit` of the floor, call() (which keeps the whole answer) within `callLimit`.
  const timeTarget = (scenario: ScenarioName, streamLimit: number, callLimit: number): void => {
    const ours = summaryOf(results, 'http', scenario, TARGET_COUNT, 'typed-ews', FLOOR);
    const streamed = summaryOf(results, 'http', scenario, TARGET_COUNT, 'typed-ews stream', FLOOR);
    const peer = summaryOf(results, 'http', scenario, TARGET_COUNT, 'ews-javascript-api', FLOOR);
    if (!ours) return;
    const stream = streamed ? `, stream ${formatRatio(streamed.ratio)}` : '';
    const met = ours.ratio <= callLimit && (!streamed || streamed.ratio <= streamLimit);
    const limits = streamLimit === callLimit ? `≤ ${callLimit}×` : `≤ ${streamLimit}× streamed, ≤ ${callLimit}× call()`;
    rows.push(`| ${scenarioName(scenario)} ${limits} the floor | call() ${formatRatio(ours.ratio)}${stream} (ews-javascript-api ${formatRatio(peer?.ratio ?? NaN)}) | ${verdict(met)} |`);
  };
  timeTarget('findItemGrouped', 1.5, 1.8);
  timeTarget('getItem', 1.5, 1.8);
  timeTarget('deleteItem', 1.5, 1.8);
  timeTarget('createItem', 2, 2);
  const rssRow = (client: 'typed-ews' | 'typed-ews stream', label: string): void => {
    const rss = (['findItemGrouped', 'getItem', 'createItem', 'deleteItem'] as const)
      .map((scenario) => [scenario, summaryOf(results, 'http', scenario, TARGET_COUNT, client, FLOOR)] as const)
      .filter(([, summary]) => summary !== undefined);
    if (rss.length === 0) return;
    const worst = Math.max(...rss.map(([, summary]) => summary!.rssRatio));
    rows.push(`| Peak RSS ≤ 1.3× the floor's (${label}) | ${rss.map(([scenario, summary]) => `${scenarioName(scenario)} ${formatRatio(summary!.rssRatio)}`).join(', ')} | ${verdict(worst <= 1.3)} |`);
  };
  rssRow('typed-ews', 'call()');
  rssRow('typed-ews stream', 'stream');
  const paging = results.paging;
  if (paging && !('error' in paging)) {
    const growth = heapGrowth(paging);
    rows.push(`| Memory flat paging ${paging.items.toLocaleString('en-US')} items | heap after GC ${formatMiB(mibOf(growth.fromBytes))} at page ${growth.fromPage}, ${formatMiB(mibOf(growth.toBytes))} at page ${growth.toPage} | ${verdict(growth.flat)} |`);
  }
  const startup = summaryOf(results, 'startup', undefined, 0, 'typed-ews', NODE_BASELINE);
  if (startup) rows.push(`| Start-up ≤ 2× \`node -e 0\` | ${formatRatio(startup.ratio)} | ${verdict(startup.ratio <= 2)} |`);
  rows.push(...coldTargetRows(results, FORMATTERS));
  if (rows.length === 0) return '';
  return [`### Targets (N = ${TARGET_COUNT.toLocaleString('en-US')} over HTTP unless the row says otherwise)`, '', '| Target | typed-ews measured | Met |', '|---|---|---|', ...rows].join('\n');
}

function callSection(results: BenchResults, section: Section, title: string, intro: string): string {
  const scenarios = [...new Set(results.series.filter((series) => series.section === section).map((series) => series.scenario!))];
  if (scenarios.length === 0) return '';
  const tables = scenarios.map((scenario) => {
    const rows = seriesOf(results, section, scenario).map((series) => {
      const summary = summarize(series, reference(results, series, FLOOR));
      return `| ${series.count.toLocaleString('en-US')} | ${series.subject} | ${formatTime(summary)} | ${formatRatio(summary.ratio)} | `
        + `${formatRate(series.count, summary.timeMs)} | ${formatMs(summary.firstMs)} | ${formatMiB(summary.rssMiB)} | ${formatRatio(summary.rssRatio)} |`;
    });
    return [`#### ${SCENARIO_TITLES[scenario]}`, '', '| N | Client | Median | × floor | Items/s | First call | Peak RSS | RSS × floor |', '|---:|---|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
  });
  return [`### ${title}`, '', intro, '', ...tables.flatMap((table) => [table, ''])].join('\n').trimEnd();
}

function buildSection(results: BenchResults): string {
  const series = seriesOf(results, 'build');
  if (series.length === 0) return '';
  const rows = series.map((one) => {
    const summary = summarize(one, reference(results, one, TEMPLATE));
    return `| ${one.count.toLocaleString('en-US')} | ${one.subject} | ${formatTime(summary)} | ${formatRatio(summary.ratio)} | ${formatRate(one.count, summary.timeMs)} | ${formatMiB(summary.rssMiB)} |`;
  });
  return [
    '### 3. Request building alone: the CreateItem envelope of N appointments, no I/O',
    '',
    'The same appointments written by a hand-written string template with escaping (the floor), by typed-ews (typed object → descriptor-driven writer; `client.call` writes the same envelope as UTF-8 bytes) and by plain xmlbuilder2. All three outputs are schema-valid.',
    '',
    '| N | Builder | Median | × template | Items/s | Peak RSS |',
    '|---:|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function startupSection(results: BenchResults): string {
  const series = seriesOf(results, 'startup');
  if (series.length === 0) return '';
  const rows = series.map((one) => {
    const summary = summarize(one, reference(results, one, NODE_BASELINE));
    return `| ${one.subject === NODE_BASELINE ? '`node -e 0`' : one.subject} | ${formatTime(summary)} | ${formatRatio(summary.ratio)} | ${formatMiB(summary.rssMiB)} |`;
  });
  return [
    '### 4. Start-up: a process that imports the client and constructs it, no request',
    '',
    'Wall time from spawn to exit, measured by the parent (median of the runs of each round, then of the rounds).',
    '',
    '| Process | Median | × `node -e 0` | Peak RSS |',
    '|---|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function pagingSection(paging: BenchResults['paging']): string {
  if (!paging) return '';
  if ('error' in paging) return `### 5. Paging\n\nFailed: ${paging.error}`;
  const picks = new Set([1, 2, 5, 10, Math.round(paging.pages / 4), Math.round(paging.pages / 2), Math.round((3 * paging.pages) / 4), paging.pages]);
  const rows = paging.samples.filter((sample) => picks.has(sample.page))
    .map((sample) => `| ${sample.page} | ${sample.items.toLocaleString('en-US')} | ${formatMiB(mibOf(sample.heapUsedBytes))} | ${formatMiB(mibOf(sample.rssBytes))} |`);
  const growth = heapGrowth(paging);
  return [
    `### 5. Memory while paging ${paging.items.toLocaleString('en-US')} items (typed-ews)`,
    '',
    `${paging.pages} FindItem pages over loopback HTTP via ${paging.via}, keeping nothing; heap sampled after a forced GC at every page boundary (the current page still held). `
    + `${formatDuration(paging.totalMs)} in all (GC calls included), peak RSS ${formatMiB(paging.peakRssKiB / 1024)}. `
    + `Heap growth from page ${growth.fromPage} to ${growth.toPage}: ${formatMiB(mibOf(growth.toBytes - growth.fromBytes))} (${growth.flat ? 'flat' : 'NOT flat'}).`,
    '',
    '| Page | Items so far | Heap used | RSS |',
    '|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function violationsSection(violations: readonly string[]): string {
  if (violations.length === 0) return '';
  return ['### Requests the canned server rejected', '', ...violations.map((violation) => `- ${violation}`)].join('\n');
}

/**
 * Flat: once the first pages have warmed up (JIT, descriptor caches, pooled frames: 10 pages, or the
 * first tenth of a shorter walk), the heap after GC grows by less than 1 MiB however many pages follow.
 */
export function heapGrowth(paging: PagingMeasurement): { fromPage: number; toPage: number; fromBytes: number; toBytes: number; flat: boolean } {
  const from = paging.samples[Math.min(9, Math.floor(paging.samples.length / 10))];
  const to = paging.samples[paging.samples.length - 1];
  return { fromPage: from.page, toPage: to.page, fromBytes: from.heapUsedBytes, toBytes: to.heapUsedBytes, flat: to.heapUsedBytes - from.heapUsedBytes < 2 ** 20 };
}

function seriesOf(results: BenchResults, section: Section, scenario?: ScenarioName): Series[] {
  return results.series.filter((series) => series.section === section && series.scenario === scenario)
    .sort((a, b) => a.count - b.count);
}

function reference(results: BenchResults, series: Series, subject: string): Series | undefined {
  return results.series.find((other) => other.section === series.section && other.scenario === series.scenario
    && other.count === series.count && other.subject === subject);
}

function summaryOf(results: BenchResults, section: Section, scenario: ScenarioName | undefined, count: number, subject: string, referenceSubject: string): Summary | undefined {
  const series = results.series.find((one) => one.section === section && one.scenario === scenario && one.count === count && one.subject === subject);
  return series && summarize(series, reference(results, series, referenceSubject));
}

export function summarize(series: Series, against: Series | undefined): Summary {
  const pick = (rounds: readonly RoundValue[], field: 'timeMs' | 'firstMs' | 'rssKiB'): number[] =>
    rounds.map((round) => ('error' in round ? NaN : round[field]));
  const times = pick(series.rounds, 'timeMs');
  const rss = pick(series.rounds, 'rssKiB');
  return {
    timeMs: median(times),
    ratio: against ? medianRatio(times, pick(against.rounds, 'timeMs')) : NaN,
    firstMs: median(pick(series.rounds, 'firstMs')),
    rssMiB: median(rss) / 1024,
    rssRatio: against ? medianRatio(rss, pick(against.rounds, 'rssKiB')) : NaN,
    failures: [...new Set(series.rounds.flatMap((round) => ('error' in round ? [round.error] : [])))],
  };
}

/** The median, and why rounds failed if any did (all of them: the median is then '–'). */
function formatTime(summary: Summary): string {
  return summary.failures.length === 0 ? formatMs(summary.timeMs) : `${formatMs(summary.timeMs)} (failed: ${summary.failures.join('; ')})`;
}

function scenarioName(scenario: ScenarioName): string {
  return { findItemGrouped: 'FindItem grouped', getItem: 'GetItem', createItem: 'CreateItem', deleteItem: 'DeleteItem' }[scenario];
}

const verdict = (met: boolean): string => (met ? 'yes' : '**no**');

function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${ms < 100 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
}

function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}

function formatRate(count: number, ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? Math.round((count * 1000) / ms).toLocaleString('en-US') : '–';
}

function formatMiB(mib: number): string {
  return Number.isFinite(mib) ? `${mib < 10 ? mib.toFixed(1) : mib.toFixed(0)} MiB` : '–';
}

const mibOf = (bytes: number): number => bytes / 2 ** 20;

const FORMATTERS: Formatters = { summarize, ms: formatMs, ratio: formatRatio, time: formatTime, verdict };

function formatDuration(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}
