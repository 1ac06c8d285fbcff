/**
 * `npx ts-node --transpile-only bench/cold-cpu.ts --roots DIR[,DIR…] [--cells typed-ews:getItem:100,…] [--runs 10]`:
 * a before/after of the cold path in CPU time. Each run spawns one fresh process per cell and checkout
 * (bench/cold-child.ts, as `npm run bench -- --cold` does), the checkouts' order rotating from run to
 * run, and reads the child's CPU time (user + system, all threads) from its start to the first result,
 * and the first call's share of it. On a machine shared with other work wall time mostly measures the
 * neighbours; CPU time moves far less. A checkout is any directory with src/, generated/, bench/ and
 * a reachable node_modules (e.g. `git archive main src generated` unpacked beside this bench/).
 */
import path from 'node:path';
import { transpileProject } from './build';
import { runColdChild, type ColdCell } from './cold';
import { cellOf } from './cells';
import type { ClientName, ScenarioName } from './clients/bench-client';
import { startCannedServer } from './server/canned-server';
import { option } from './options';
import { median } from './stats';

function parseCell(spec: string): { client: ClientName; scenario: ScenarioName; count: number } {
  const [client, scenario, count] = spec.split(':');
  const cell = cellOf(client, scenario, count);
  if (!cell) throw new Error(`--cells: expected client:scenario:N, e.g. typed-ews:getItem:100; got ${spec}`);
  return cell;
}

async function main(argv: string[]): Promise<void> {
  const roots = option(argv, '--roots', path.resolve(__dirname, '..')).split(',').map((root) => path.resolve(root));
  const cells = option(argv, '--cells', 'typed-ews:deleteItem:1,typed-ews:getItem:100,typed-ews:createItem:100').split(',').map(parseCell);
  const runs = Number(option(argv, '--runs', '10'));
  const builds = roots.map((root) => {
    const build = path.join(root, 'bench', '.out', 'build');
    transpileProject(root, build);
    return build;
  });
  const server = await startCannedServer();
  const total = new Map<string, number[]>();
  const call = new Map<string, number[]>();
  try {
    for (const cell of cells) server.prepare(cell.scenario, cell.count);
    for (let run = 0; run < runs; run++) {
      for (const cell of cells) {
        for (let i = 0; i < builds.length; i++) {
          const at = (i + run) % builds.length;
          const cold: ColdCell = { ...cell, server: server.url };
          const { measurement } = await runColdChild(cold, builds[at]);
          const key = `${cell.client}:${cell.scenario}:${cell.count}|${at}`;
          total.set(key, [...(total.get(key) ?? []), measurement.cpuMs]);
          call.set(key, [...(call.get(key) ?? []), measurement.callCpuMs]);
        }
      }
      process.stderr.write(`run ${run + 1}/${runs}\n`);
    }
  } finally {
    await server.close();
  }
  const lines = [
    `CPU time of fresh processes (user + system), median of ${runs} per cell and checkout, checkouts interleaved.`,
    '',
    `| Cell | ${roots.map((root) => `${path.basename(root)}: start → result`).join(' | ')} | ${roots.map((root) => `${path.basename(root)}: first call`).join(' | ')} |`,
    `|---|${roots.map(() => '---:|').join('')}${roots.map(() => '---:|').join('')}`,
  ];
  for (const cell of cells) {
    const spec = `${cell.client}:${cell.scenario}:${cell.count}`;
    const figure = (table: Map<string, number[]>) => roots.map((_, at) => `${median(table.get(`${spec}|${at}`)!).toFixed(1)} ms`).join(' | ');
    lines.push(`| ${spec} | ${figure(total)} | ${figure(call)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
