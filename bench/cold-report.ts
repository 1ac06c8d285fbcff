/** The cold section of the report and its targets (issue 15): fresh process → first result, and the first call's own time. */
import type { ScenarioName } from './clients/bench-client';
import type { BenchResults, Series } from './harness';

const FLOOR = 'saxes floor';
const PEER = 'ews-javascript-api';
const OURS = ['typed-ews', 'typed-ews ItemBatches'];
/** The targets: start → first result ≤ 1.3× the floor's; first call ≤ the floor's + 40 ms and below the peer's. */
const START_RATIO_LIMIT = 1.3;
const FIRST_CALL_MARGIN_MS = 40;
/** Warm targets at N = 100 DeleteItem (the warm HTTP section's cells). */
const WARM_CALL_LIMIT = 1.3;
const WARM_BATCHES_LIMIT = 1.5;

const SCENARIO_NAMES: Record<ScenarioName, string> = {
  findItemGrouped: 'FindItem grouped', getItem: 'GetItem', createItem: 'CreateItem', deleteItem: 'DeleteItem',
};

function coldSeries(results: BenchResults): Series[] {
  return results.series.filter((series) => series.section === 'cold');
}

function peerOf(results: BenchResults, series: Series, subject: string): Series | undefined {
  return results.series.find((other) => other.section === series.section && other.scenario === series.scenario && other.count === series.count && other.subject === subject);
}

export function coldSection(results: BenchResults, format: Formatters): string {
  const all = coldSeries(results);
  if (all.length === 0) return '';
  const rows = all.map((series) => {
    const summary = format.summarize(series, peerOf(results, series, FLOOR));
    const floorFirst = format.summarize(peerOf(results, series, FLOOR) ?? series, undefined).firstMs;
    return `| ${SCENARIO_NAMES[series.scenario!]} | ${series.count.toLocaleString('en-US')} | ${series.subject} | ${format.time(summary)} | ${format.ratio(summary.ratio)} | `
      + `${format.ms(summary.firstMs)} | ${series.subject === FLOOR ? '' : `${summary.firstMs >= floorFirst ? '+' : '−'}${format.ms(Math.abs(summary.firstMs - floorFirst))}`} |`;
  });
  return [
    '### 6. Cold: fresh process → first result',
    '',
    'Each cell is a fresh `node` process (no flags) that loads the client (typed-ews: the package entry, as `require(\'typed-ews\')`), prepares the inputs, makes one call and prints the result. '
    + '"Start → first result" is spawn → the result line in the parent; "first call" is the call alone in the child (for typed-ews it includes loading and compiling the descriptors the call needs). '
    + 'Median of the fresh processes of each round, then of the rounds; the ratio is taken within each round.',
    '',
    '| Scenario | N | Client | Start → first result | × floor | First call | vs floor\'s first call |',
    '|---|---:|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** Target rows for the targets table: every cold cell of typed-ews, and the warm N = 100 DeleteItem cells. */
export function coldTargetRows(results: BenchResults, format: Formatters): string[] {
  const rows: string[] = [];
  const ours = coldSeries(results).filter((series) => OURS.includes(series.subject));
  if (ours.length > 0) {
    const starts = ours.map((series) => ({ series, summary: format.summarize(series, peerOf(results, series, FLOOR)) }));
    const worst = starts.reduce((a, b) => (b.summary.ratio > a.summary.ratio ? b : a));
    rows.push(`| Cold start → first result ≤ ${START_RATIO_LIMIT}× the floor's (N = 1, 100; call() and ItemBatches) | worst ${format.ratio(worst.summary.ratio)} (${label(worst.series)}); `
      + `${starts.filter((one) => one.summary.ratio > START_RATIO_LIMIT).length} of ${starts.length} cells above | ${format.verdict(starts.every((one) => one.summary.ratio <= START_RATIO_LIMIT))} |`);
    const firsts = ours.map((series) => {
      const first = format.summarize(series, undefined).firstMs;
      const floor = format.summarize(peerOf(results, series, FLOOR) ?? series, undefined).firstMs;
      const peerSeries = peerOf(results, series, PEER);
      const peer = peerSeries ? format.summarize(peerSeries, undefined).firstMs : Infinity;
      return { series, over: first - floor, met: first <= floor + FIRST_CALL_MARGIN_MS && first < peer };
    });
    const worstFirst = firsts.reduce((a, b) => (b.over > a.over ? b : a));
    rows.push(`| Cold first call ≤ the floor's + ${FIRST_CALL_MARGIN_MS} ms and below ews-javascript-api's | worst floor + ${format.ms(worstFirst.over)} (${label(worstFirst.series)}); `
      + `${firsts.filter((one) => !one.met).length} of ${firsts.length} cells miss | ${format.verdict(firsts.every((one) => one.met))} |`);
  }
  for (const [subject, limit] of [['typed-ews', WARM_CALL_LIMIT], ['typed-ews ItemBatches', WARM_BATCHES_LIMIT]] as const) {
    const series = results.series.find((one) => one.section === 'http' && one.scenario === 'deleteItem' && one.count === 100 && one.subject === subject);
    if (!series) continue;
    const summary = format.summarize(series, peerOf(results, series, FLOOR));
    rows.push(`| Warm DeleteItem of 100 ids, ${subject === 'typed-ews' ? 'call()' : 'ItemBatches'} ≤ ${limit}× the floor | ${format.ratio(summary.ratio)} | ${format.verdict(summary.ratio <= limit)} |`);
  }
  return rows;
}

function label(series: Series): string {
  return `${SCENARIO_NAMES[series.scenario!]} N = ${series.count}, ${series.subject}`;
}

/** What the cold report borrows from report.ts (which imports this file). */
export interface Formatters {
  summarize(series: Series, against: Series | undefined): ColdSummary;
  ms(ms: number): string;
  ratio(ratio: number): string;
  time(summary: ColdSummary): string;
  verdict(met: boolean): string;
}

interface ColdSummary {
  readonly timeMs: number;
  readonly ratio: number;
  readonly firstMs: number;
  readonly failures: string[];
}
