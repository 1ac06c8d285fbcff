/**
 * One measurement in a fresh process (`node --expose-gc child.js '<cell JSON>'`): only the measured
 * client's modules are loaded, so its peak RSS and its JIT state are its own. Prints one JSON line.
 */
import http from 'node:http';
import type { BenchClient, ClientName, Endpoint, Outcome } from './clients/bench-client';
import {
  expectedOutcome, type BuildCell, type CallCell, type Cell, type Measurement, type PagingCell, type PagingMeasurement, type RequestBuilderName,
  type Repetitions,
} from './cells';
import { appointments, type Appointment } from './fixtures/workload';
import { peakRssKiB } from './peak-rss';

const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main(): Promise<void> {
  const cell = JSON.parse(process.argv[2]) as Cell;
  const result = cell.kind === 'call' ? await measureCall(cell) : cell.kind === 'build' ? await measureBuild(cell) : await measurePaging(cell);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function measureCall(cell: CallCell): Promise<Measurement> {
  const url = `${cell.server}/ews/${cell.scenario}/${cell.count}`;
  const endpoint: Endpoint = cell.transport === 'http' ? { kind: 'http', url } : { kind: 'memory', response: await download(url) };
  const client = await loadClient(cell.client);
  const call = client.prepare(cell.scenario, cell.count, endpoint);
  const measurement = await repeat(cell, call, (outcome) => outcome);
  client.close();
  const { items, errors } = measurement.outcome;
  // Every client, the floors included, must report exactly the scenario.
  const expected = expectedOutcome(cell.scenario, cell.count);
  if (items !== expected.items || errors !== expected.errors) throw new Error(`${cell.client} saw ${JSON.stringify(measurement.outcome)}, expected ${JSON.stringify(expected)}`);
  return measurement;
}

async function measureBuild(cell: BuildCell): Promise<Measurement> {
  const build = await loadBuilder(cell.builder);
  const data = appointments(cell.count);
  return repeat(cell, async () => build(data), (xml) => ({ items: countCalendarItems(xml), errors: 0 }));
}

async function measurePaging(cell: PagingCell): Promise<PagingMeasurement> {
  const { pageThroughFolder } = await import('./paging');
  collectGarbage();
  return pageThroughFolder(`${cell.server}/ews/paging/${cell.total}`, cell.pageSize, collectGarbage);
}

/**
 * Warm-up, then timed repetitions, back to back: each call pays its share of garbage collection, as
 * in an application. No forced GC in between: after `gc()` the next typed-ews call at N=100 took
 * 35–70 ms instead of 7–14 ms (the floor was unaffected), which measures the collector's recovery
 * rather than the client. What the call saw is checked outside the clock.
 */
async function repeat<T>(repetitions: Repetitions, call: () => Promise<T>, outcomeOf: (result: T) => Outcome): Promise<Measurement> {
  const timesMs: number[] = [];
  let firstMs: number | undefined;
  let outcome: Outcome = { items: 0, errors: 0 };
  for (let run = 0; run < repetitions.warmup + repetitions.timed; run++) {
    const start = performance.now();
    const result = await call();
    const elapsed = performance.now() - start;
    outcome = outcomeOf(result);
    firstMs ??= elapsed;
    if (run >= repetitions.warmup) timesMs.push(elapsed);
  }
  return { timesMs, firstMs: firstMs ?? NaN, peakRssKiB: peakRssKiB(), outcome };
}

async function loadClient(name: ClientName): Promise<BenchClient> {
  switch (name) {
    case 'saxes floor': return (await import('./clients/saxes-floor')).saxesFloorClient();
    case 'saxes floor (xmlns)': return (await import('./clients/saxes-floor')).saxesFloorClient({ xmlns: true });
    case 'typed-ews': return (await import('./clients/typed-ews')).typedEwsClient();
    case 'typed-ews stream': return (await import('./clients/typed-ews')).typedEwsClient({ stream: true });
    case 'typed-ews ItemBatches': return (await import('./clients/typed-ews-batches')).typedEwsBatchesClient();
    case 'typed-ews stream over node:http': return (await import('./clients/typed-ews')).typedEwsClient({ stream: true, nodeHttp: true });
    case 'ews-javascript-api': return (await import('./clients/ews-javascript-api')).ewsJavascriptApiClient();
  }
}

async function loadBuilder(name: RequestBuilderName): Promise<(data: readonly Appointment[]) => string> {
  switch (name) {
    case 'string template': return (await import('./requests/string-template')).createItemEnvelope;
    case 'typed-ews writer': return (await import('./requests/typed-ews-writer')).createItemEnvelope;
    case 'xmlbuilder2': return (await import('./requests/xmlbuilder2-request')).createItemEnvelope;
  }
}

/** Every builder must have written all the items; counted outside any parser so that it stays cheap. */
function countCalendarItems(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf('<t:CalendarItem>'); at >= 0; at = xml.indexOf('<t:CalendarItem>', at + 1)) count++;
  return count;
}

/** node:http rather than fetch, which would load undici into every parse-only child. */
function download(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`GET ${url}: HTTP ${response.statusCode}`))));
      response.on('error', reject);
    }).on('error', reject);
  });
}

main().catch((error: unknown) => {
  // The parent reports the first line. ews-javascript-api rejects with plain objects too (SoapFaultDetails).
  const text = error instanceof Error ? error.stack ?? error.message : JSON.stringify(error) ?? String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
