/**
 * Smoke test of the benchmark harness (never of timings): a tiny plan runs every kind of cell in
 * child processes against the canned server and yields complete, well-formed results and report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLIENTS, DIAGNOSTIC_CLIENTS, SCENARIOS, measures } from '../../bench/clients/bench-client';
import { COLD_CLIENTS } from '../../bench/cold';
import { REQUEST_BUILDERS } from '../../bench/cells';
import type { Environment } from '../../bench/environment';
import { NODE_BASELINE, runBenchmark, type BenchResults } from '../../bench/harness';
import { renderReport } from '../../bench/report';
import { BEGIN_MARKER, END_MARKER, replaceGeneratedSection } from '../../bench/results-file';
import { startCannedServer } from '../../bench/server/canned-server';
import { median, medianRatio } from '../../bench/stats';
import { STARTUP_TARGETS } from '../../bench/startup';
import { scaledTimeout } from '../support/pace';

const ROOT = path.resolve(__dirname, '..', '..');
const ENVIRONMENT: Environment = { cpu: 'test CPU', cores: 2, memory: 'Mem: 1Gi', node: process.version, packages: {}, commit: 'abc1234' };

/** Every client, the diagnostic one (typed-ews over a bare node:http transport) included. */
const MEASURED = [...CLIENTS, ...DIAGNOSTIC_CLIENTS];

/**
 * The plan's child processes (builders, HTTP cells, memory cells, start-ups, paging), each worth about
 * 30 Node starts, plus the in-process transpile of the project (about 100).
 */
const CHILDREN = REQUEST_BUILDERS.length + 2 * SCENARIOS.length * MEASURED.length + MEASURED.length + STARTUP_TARGETS.length + 1 + 1;
const HARNESS_BOUND_MS = scaledTimeout(CHILDREN * 30 + 100);

describe('benchmark harness, tiny plan', () => {
  let results: BenchResults;

  beforeAll(async () => {
    results = await runBenchmark({
      rounds: 1,
      clients: MEASURED,
      childFlags: ['--max-semi-space-size=8'],
      httpSizes: [20],
      httpScenarios: SCENARIOS,
      memorySizes: [20],
      memoryScenarios: ['deleteItem'],
      buildSizes: [20],
      startupRuns: 1,
      coldSizes: [1],
      coldScenarios: SCENARIOS,
      coldRuns: 1,
      paging: { total: 250, pageSize: 100 },
      repetitions: { warmup: 0, timed: 1 },
      log: () => undefined,
    }, ROOT);
  }, HARNESS_BOUND_MS);

  it('measures every client in every scenario, and every builder and start-up target, without failures', () => {
    const subjects = (section: string) => results.series.filter((series) => series.section === section).map((series) => `${series.scenario ?? ''}/${series.subject}`);
    expect(subjects('http').sort()).toEqual(SCENARIOS.flatMap((scenario) => MEASURED.filter((client) => measures(client, scenario, 20)).map((client) => `${scenario}/${client}`)).sort());
    expect(subjects('http')).toContain('deleteItem/typed-ews ItemBatches');
    expect(subjects('http')).not.toContain('findItemGrouped/typed-ews ItemBatches');
    expect(subjects('cold').sort()).toEqual(SCENARIOS.flatMap((scenario) => COLD_CLIENTS.filter((client) => measures(client, scenario, 1)).map((client) => `${scenario}/${client}`)).sort());
    expect(subjects('memory').sort()).toEqual(MEASURED.map((client) => `deleteItem/${client}`).sort());
    expect(subjects('build').sort()).toEqual(REQUEST_BUILDERS.map((builder) => `/${builder}`).sort());
    expect(subjects('startup').sort()).toEqual([NODE_BASELINE, ...STARTUP_TARGETS].map((target) => `/${target}`).sort());
    for (const series of results.series) {
      expect(series.rounds).toHaveLength(1);
      const [round] = series.rounds;
      if ('error' in round) throw new Error(`${series.section} ${series.scenario} ${series.subject}: ${round.error}`);
      expect(round.timeMs).toBeGreaterThan(0);
      if (series.section !== 'cold') expect(round.rssKiB).toBeGreaterThan(10_000);
    }
    expect(results.violations).toEqual([]);
  });

  it('pages through the whole folder and samples the heap at every page', () => {
    if (!results.paging || 'error' in results.paging) throw new Error(`paging failed: ${JSON.stringify(results.paging)}`);
    expect(results.paging).toMatchObject({ pages: 3, items: 250 });
    expect(results.paging.samples.map((sample) => sample.items)).toEqual([100, 200, 250]);
  });

  it('renders one table row per measured cell, with ratios to the floor', () => {
    const report = renderReport({ results, environment: ENVIRONMENT, command: 'npm run bench -- --quick', rounds: 1 });
    for (const client of CLIENTS) expect(report).toContain(`| 20 | ${client} |`);
    expect(report).toMatch(/\| 20 \| saxes floor \| [\d.]+ ms \| 1\.00× \|/);
    expect(report).toContain('| `node -e 0` |');
    expect(report).toContain('### 5. Memory while paging 250 items (typed-ews)');
    expect(report).toContain('### 6. Cold: fresh process → first result');
    expect(report).toMatch(/\| DeleteItem \| 1 \| typed-ews ItemBatches \| [\d.]+ ms \| [\d.]+× \| [\d.]+ ms \|/);
    expect(report).toContain('| Cold start → first result ≤ 1.3× the floor\'s');
    expect(report).not.toContain('failed');
  });
});

describe('canned server', () => {
  it('reports a CreateItem whose subjects were not escaped, instead of letting it look fast', async () => {
    const server = await startCannedServer();
    try {
      const unescaped = '<m:CreateItem><m:Items><t:CalendarItem><t:Subject>R&D <draft 1></t:Subject></t:CalendarItem></m:Items></m:CreateItem>';
      const response = await fetch(`${server.url}/ews/createItem/1`, { method: 'POST', body: unescaped });
      await response.arrayBuffer();
      await new Promise((resolve) => setImmediate(resolve));
      expect(response.status).toBe(200);
      expect(server.violations).toEqual(['createItem/1: expected 1 × correctly escaped Subject, found 0']);
    } finally {
      await server.close();
    }
  });
});

describe('statistics', () => {
  it('takes the ratio within each round before the median, and skips failed rounds', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianRatio([10, 40, 30], [5, 10, 10])).toBe(3);
    expect(medianRatio([10, NaN, 30], [5, 10, 10])).toBe(2.5);
  });
});

describe('RESULTS.md', () => {
  it('replaces only the generated section, keeping the hand-written analysis', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-results-')), 'RESULTS.md');
    fs.writeFileSync(file, `# Title\n\n${BEGIN_MARKER}\nold tables\n${END_MARKER}\n\n## Analysis\nkept\n`);
    replaceGeneratedSection(file, 'new tables');
    expect(fs.readFileSync(file, 'utf8')).toBe(`# Title\n\n${BEGIN_MARKER}\n\nnew tables\n\n${END_MARKER}\n\n## Analysis\nkept\n`);
  });
});
