/** Command-line options of `npm run bench`: the full plan of the issue by default, `--quick` for a short run. */
import { parseArgs } from 'node:util';
import { CLIENTS, DIAGNOSTIC_CLIENTS, SCENARIOS, type ClientName, type ScenarioName } from './clients/bench-client';
import type { BenchOptions } from './harness';

export interface CommandLine {
  readonly options: Omit<BenchOptions, 'log'>;
  /** Where the report goes; undefined: the generated section of bench/RESULTS.md (full runs only). */
  readonly out?: string;
  /** `client:scenario:N[:http|memory]` (or `startup:client`): profile that one cell instead of benchmarking. */
  readonly profile?: string;
  /** True when the plan is the full plan, the only one allowed to replace the committed results. */
  readonly fullPlan: boolean;
}

const FULL: Omit<BenchOptions, 'log'> = {
  rounds: 5,
  clients: CLIENTS,
  childFlags: [],
  httpSizes: [100, 1_000, 10_000],
  httpScenarios: SCENARIOS,
  memorySizes: [10_000, 50_000],
  memoryScenarios: ['findItemGrouped', 'getItem', 'deleteItem'],
  buildSizes: [100, 1_000, 10_000],
  startupRuns: 5,
  coldSizes: [1, 100],
  coldScenarios: SCENARIOS,
  coldRuns: 3,
  paging: { total: 100_000, pageSize: 1_000 },
};

const QUICK: Omit<BenchOptions, 'log'> = {
  ...FULL,
  coldRuns: 1,
  rounds: 2,
  httpSizes: [100, 1_000],
  memorySizes: [1_000],
  buildSizes: [100, 1_000],
  startupRuns: 3,
  paging: { total: 10_000, pageSize: 1_000 },
};

export const USAGE = `npm run bench -- [--quick] [--cold] [--cold-sizes 1,100] [--cold-runs N] [--rounds N] [--sizes 100,1000] [--memory-sizes 10000,50000]
  [--build-sizes 100,1000] [--scenarios findItemGrouped,getItem,createItem,deleteItem]
  [--clients 'typed-ews,typed-ews stream'] [--child-flags '--max-semi-space-size=8'] [--startup-runs N]
  [--paging-total N | --no-paging] [--out FILE] [--profile client:scenario:N[:http|memory] | --profile startup:client]
npm run bench -- --validation [--quick] [--no-demo]   (schema validation targets; a full run updates bench/RESULTS.md)
npm run bench -- --validation-breakdown [--quick]     (where one validation's time goes, phase by phase)
npm run bench -- --validation-compare DIR [--quick]  (validation time of this checkout against the checkout DIR)`;

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean' },
      cold: { type: 'boolean' },
      'cold-sizes': { type: 'string' },
      'cold-runs': { type: 'string' },
      rounds: { type: 'string' },
      sizes: { type: 'string' },
      'memory-sizes': { type: 'string' },
      'build-sizes': { type: 'string' },
      scenarios: { type: 'string' },
      clients: { type: 'string' },
      'child-flags': { type: 'string' },
      'startup-runs': { type: 'string' },
      'paging-total': { type: 'string' },
      'no-paging': { type: 'boolean' },
      out: { type: 'string' },
      profile: { type: 'string' },
    },
    strict: true,
  });
  const base = values.quick ? QUICK : FULL;
  const scenarios = values.scenarios === undefined ? undefined : scenarioList(values.scenarios);
  const options: Omit<BenchOptions, 'log'> = {
    ...base,
    rounds: values.rounds === undefined ? base.rounds : wholeNumber(values.rounds, '--rounds'),
    httpSizes: values.sizes === undefined ? base.httpSizes : sizeList(values.sizes, '--sizes'),
    memorySizes: values['memory-sizes'] === undefined ? base.memorySizes : sizeList(values['memory-sizes'], '--memory-sizes'),
    buildSizes: values['build-sizes'] === undefined ? base.buildSizes : sizeList(values['build-sizes'], '--build-sizes'),
    clients: values.clients === undefined ? base.clients : clientList(values.clients),
    childFlags: values['child-flags'] === undefined ? [] : values['child-flags'].split(/\s+/).filter(Boolean),
    httpScenarios: scenarios ?? base.httpScenarios,
    memoryScenarios: scenarios ? base.memoryScenarios.filter((scenario) => scenarios.includes(scenario)) : base.memoryScenarios,
    coldSizes: values['cold-sizes'] === undefined ? base.coldSizes : sizeList(values['cold-sizes'], '--cold-sizes'),
    coldScenarios: scenarios ?? base.coldScenarios,
    coldRuns: values['cold-runs'] === undefined ? base.coldRuns : wholeNumber(values['cold-runs'], '--cold-runs'),
    coldOnly: values.cold === true,
    startupRuns: values['startup-runs'] === undefined ? base.startupRuns : wholeNumber(values['startup-runs'], '--startup-runs'),
    paging: values['no-paging'] ? undefined
      : values['paging-total'] === undefined ? base.paging : { total: wholeNumber(values['paging-total'], '--paging-total'), pageSize: 1_000 },
  };
  const narrowed = Object.keys(values).some((name) => name !== 'out');
  return { options, out: values.out, profile: values.profile, fullPlan: !narrowed };
}

function wholeNumber(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${option}: expected a whole number, got ${JSON.stringify(text)}`);
  return value;
}

function sizeList(text: string, option: string): number[] {
  return text === '' ? [] : text.split(',').map((part) => wholeNumber(part.trim(), option));
}

function scenarioList(text: string): ScenarioName[] {
  const names = text.split(',').map((part) => part.trim());
  for (const name of names) if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`--scenarios: unknown scenario ${name}; known: ${SCENARIOS.join(', ')}`);
  return names as ScenarioName[];
}

/** The floor is always measured: every ratio is taken against it. */
function clientList(text: string): ClientName[] {
  const known: readonly ClientName[] = [...CLIENTS, ...DIAGNOSTIC_CLIENTS];
  const names = text.split(',').map((part) => part.trim());
  for (const name of names) if (!(known as readonly string[]).includes(name)) throw new Error(`--clients: unknown client ${name}; known: ${known.join(', ')}`);
  return known.filter((client) => client === 'saxes floor' || names.includes(client));
}

/** The value after `name` on a plain command line (`--rounds 5`), or `fallback`. */
export function option(argv: readonly string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
}
