/** What one child process measures, and what it reports back. Shared by the parent and the child. */
import { CLIENTS, SCENARIOS, type ClientName, type Outcome, type ScenarioName } from './clients/bench-client';
import { isMissing } from './fixtures/workload';

export const REQUEST_BUILDERS = ['string template', 'typed-ews writer', 'xmlbuilder2'] as const;
export type RequestBuilderName = (typeof REQUEST_BUILDERS)[number];

export interface Repetitions {
  /** Untimed calls first (JIT, lazily compiled descriptors, connection set-up); the first one is reported as "first call". */
  readonly warmup: number;
  readonly timed: number;
}

/** The parts of a `client:scenario:N` spec (e.g. `typed-ews:getItem:100`) as a cell's fields; undefined when one is not known. */
export function cellOf(client: string | undefined, scenario: string | undefined, count: string | undefined): { client: ClientName; scenario: ScenarioName; count: number } | undefined {
  if (!(CLIENTS as readonly (string | undefined)[]).includes(client) || !(SCENARIOS as readonly (string | undefined)[]).includes(scenario) || !Number.isInteger(Number(count))) return undefined;
  return { client: client as ClientName, scenario: scenario as ScenarioName, count: Number(count) };
}

/** One client calling one scenario, over loopback HTTP or with the response handed over from memory. */
export interface CallCell extends Repetitions {
  readonly kind: 'call';
  readonly client: ClientName;
  readonly scenario: ScenarioName;
  readonly count: number;
  readonly transport: 'http' | 'memory';
  /** `http://127.0.0.1:port` of the canned server. */
  readonly server: string;
}

/** One way of writing the CreateItem request of `count` appointments, no I/O. */
export interface BuildCell extends Repetitions {
  readonly kind: 'build';
  readonly builder: RequestBuilderName;
  readonly count: number;
}

/** typed-ews paging a folder of `total` messages with findAllItems, `pageSize` per FindItem, keeping nothing. */
export interface PagingCell {
  readonly kind: 'paging';
  readonly total: number;
  readonly pageSize: number;
  readonly server: string;
}

export type Cell = CallCell | BuildCell | PagingCell;

/** The last line a measuring child prints. */
export interface Measurement {
  /** Milliseconds of each timed repetition. */
  readonly timesMs: number[];
  /** Milliseconds of the very first call (the first warm-up, or the first timed one without warm-up). */
  readonly firstMs: number;
  /** Peak RSS of the child (see peak-rss.ts), in KiB. */
  readonly peakRssKiB: number;
  readonly outcome: Outcome;
}

/** Heap after a forced GC, sampled while paging: flat means nothing accumulates. */
export interface PagingSample {
  readonly page: number;
  readonly items: number;
  readonly heapUsedBytes: number;
  readonly rssBytes: number;
}

export interface PagingMeasurement {
  readonly pages: number;
  readonly items: number;
  readonly totalMs: number;
  readonly peakRssKiB: number;
  readonly samples: PagingSample[];
  /** What paged (the API measured), for the report. */
  readonly via: string;
}

/** What a client must report for `count` items. */
export function expectedOutcome(scenario: ScenarioName, count: number): Outcome {
  let errors = 0;
  if (scenario === 'deleteItem') for (let index = 0; index < count; index++) if (isMissing(index)) errors++;
  return { items: count, errors };
}

export function repetitionsFor(count: number): Repetitions {
  if (count <= 100) return { warmup: 5, timed: 15 };
  if (count <= 1_000) return { warmup: 3, timed: 7 };
  if (count <= 10_000) return { warmup: 1, timed: 3 };
  return { warmup: 0, timed: 1 };
}
