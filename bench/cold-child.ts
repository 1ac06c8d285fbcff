/**
 * One cold cell (`node cold-child.js '<cell JSON>'`): a fresh process loads the client, prepares the
 * request's inputs, makes its first call and prints the result at once, then exits. For typed-ews the
 * package entry (what `require('typed-ews')` loads) is required first, as an application would.
 * The parent times spawn → the result line; the child reports the call's own time.
 */
import path from 'node:path';
import type { ColdCell, ColdMeasurement } from './cold';
import { cpuMsSince } from './cpu-clock';

/** Client modules by name; required inside main() so that the clock covers loading them. */
function load(cell: ColdCell): import('./clients/bench-client').BenchClient {
  switch (cell.client) {
    case 'saxes floor': return (require('./clients/saxes-floor') as typeof import('./clients/saxes-floor')).saxesFloorClient();
    case 'ews-javascript-api': return (require('./clients/ews-javascript-api') as typeof import('./clients/ews-javascript-api')).ewsJavascriptApiClient();
    default: {
      require((require('./startup') as typeof import('./startup')).typedEwsEntry(path.join(__dirname, '..')));
      if (cell.client === 'typed-ews ItemBatches') return (require('./clients/typed-ews-batches') as typeof import('./clients/typed-ews-batches')).typedEwsBatchesClient();
      return (require('./clients/typed-ews') as typeof import('./clients/typed-ews')).typedEwsClient({ stream: cell.client === 'typed-ews stream' });
    }
  }
}

async function main(): Promise<void> {
  const cell = JSON.parse(process.argv[2]) as ColdCell;
  const loadStart = performance.now();
  const client = load(cell);
  const call = client.prepare(cell.scenario, cell.count, { kind: 'http', url: `${cell.server}/ews/${cell.scenario}/${cell.count}` });
  const callStart = performance.now();
  const cpuBeforeCall = process.cpuUsage();
  const outcome = await call();
  const callEnd = performance.now();
  const measurement: ColdMeasurement = {
    loadMs: callStart - loadStart, callMs: callEnd - callStart, outcome, cpuMs: cpuMsSince(), callCpuMs: cpuMsSince(cpuBeforeCall),
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`, () => process.exit(0));
}

main().catch((error: unknown) => {
  const text = error instanceof Error ? error.stack ?? error.message : JSON.stringify(error) ?? String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
