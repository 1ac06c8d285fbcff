/**
 * `npm run bench:export [-- --items N --large-every K --large-mb M]`: export of a mailbox from the simulator.
 *
 * The simulator runs in a child process (its store is not counted in this process's RSS) and generates
 * N messages in its store, every K-th carrying an M MB file attachment whose bytes it makes up when read
 * (`--generate`). Then, in this process:
 * 1. the simulator's own serving rate: ExportItems of every id, 50 a request, 3 in flight, over node:http
 *    with prebuilt request bodies and the answers discarded unread (the floor: what the server can serve);
 * 2. the client alone: exportItemsTo of every id into a sink that only counts (same chunks and slots, no
 *    disk): what the SDK's reading and decoding can take; then again into a sink that computes the
 *    SHA-256 the manifest records;
 * 3. the disk floor: the same answers over node:http, their decoded share of bytes written into as many
 *    files, renamed and fsynced page by page, with no SDK: what this machine's disk allows such an export;
 * 4. exportMailbox (sync pages, ExportItems through the batch layer, each item's data streamed into its
 *    file, manifest written), sampling RSS every 20 ms: the RSS after the first 1,000 items (10% when
 *    there are fewer than 10,000) versus the peak.
 * Beside each phase's wall time it reports the CPU time of this process (the client, all its threads) and
 * of the simulator child (/proc/<pid>/stat, Linux), and for phases 2 and 4 the client's CPU per item over
 * the simulator's: on two cores, where the simulator needs one to serve at its floor rate, 80% of the floor
 * is reachable when that ratio is at most 1.25. Unlike wall time, it holds on a machine other work loads.
 * It runs compiled to JavaScript (see runCompiled); `--ts-node` keeps it under ts-node, as before.
 * BENCH_PHASE_MARKS=1 prints each phase's start and end (µs, the clock of `node --cpu-prof`) to stderr.
 * Prints a Markdown section for bench/RESULTS.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { basicAuth } from '../src/client/auth';
import { ExchangeClient } from '../src/client/exchange-client';
import { createHash } from 'node:crypto';
import { ItemBatches } from '../src/batch';
import { exportMailbox } from '../src/export/export-mailbox';
import { exportItemsTo, type ExportSink } from '../src/export/export-items';
import { syncFiles } from '../src/content/file-sink';
import { syncItems } from '../src/sync';
import { transpileProject } from './build';
import { cpuMsSince } from './cpu-clock';
import { option } from './options';

const flag = (name: string, fallback: number): number => Number(option(process.argv, `--${name}`, String(fallback)));
const ITEMS = flag('items', 2000);
const LARGE_EVERY = flag('large-every', 10);
const LARGE_MB = flag('large-mb', 1);
/** SyncFolderItems page: items per commit. 500 keeps the three ExportItems slots busy between the commits. */
const PAGE_SIZE = flag('page-size', 500);
const AUTH = `Basic ${Buffer.from('alice@contoso.com:Simulator-1').toString('base64')}`;

async function startSimulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const generate = ['--generate', String(ITEMS), '--attachment-every', String(LARGE_EVERY), '--attachment-mb', String(LARGE_MB)];
  // Compiled (see runCompiled), the simulator runs as JavaScript too.
  const simulator = __filename.endsWith('.js') ? [path.join(__dirname, '../src/simulator/cli.js')] : ['-r', 'ts-node/register/transpile-only', path.join(__dirname, '../src/simulator/cli.ts')];
  const child = spawn(process.execPath, [...simulator, '--port', '0', '--no-validation', ...generate],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /listening at (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { url, child };
}

/** ExportItems bodies of 50 ids each, built in advance. */
function exportBodies(ids: readonly string[]): string[] {
  const bodies: string[] = [];
  for (let i = 0; i < ids.length; i += 50) {
    const itemIds = ids.slice(i, i + 50).map((id) => `<t:ItemId Id="${id}"/>`).join('');
    bodies.push(`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header><soap:Body><m:ExportItems><m:ItemIds>${itemIds}</m:ItemIds></m:ExportItems></soap:Body></soap:Envelope>`);
  }
  return bodies;
}

/**
 * Sends `bodies` with node:http, 3 in flight, and hands each whole answer to `take` with the index of
 * its body (the floor drops it).
 * Resolves with the bytes received once every answer is taken.
 */
async function sendAll(url: string, bodies: readonly string[], agent: http.Agent, take?: (answer: Buffer[], index: number) => Promise<void>): Promise<number> {
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const index = next++;
      const body = bodies[index];
      const answer = await new Promise<Buffer[]>((resolve, reject) => {
        const chunks: Buffer[] = [];
        const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'text/xml; charset=utf-8', authorization: AUTH } }, (response) => {
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (take) chunks.push(chunk);
          });
          response.on('end', () => (response.statusCode === 200 ? resolve(chunks) : reject(new Error(`HTTP ${response.statusCode}`))));
        });
        request.on('error', reject);
        request.end(body);
      });
      await take?.(answer, index);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return bytes;
}

/** The floor: what the server can serve, the answers counted and dropped unread. */
async function servingRate(url: string, ids: string[]): Promise<{ bytes: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 3 });
  const bytes = await sendAll(url, exportBodies(ids), agent);
  agent.destroy();
  return { bytes };
}

/**
 * The disk floor: what this machine allows an export that keeps the same promises, with no SDK and no
 * parsing. Page by page, as exportMailbox goes, the same answers are received and ¾ of each answer's bytes
 * (what base64 decodes to) are written into as many files as it has items, each to a temporary name and
 * renamed, then the page's files are fsynced before the next page starts.
 */
async function writeAsDiskFloor(url: string, ids: string[], directory: string): Promise<{ bytes: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 3 });
  let bytes = 0;
  let fileNumber = 0;
  for (let start = 0; start < ids.length; start += PAGE_SIZE) {
    const page = ids.slice(start, start + PAGE_SIZE);
    const files: string[] = [];
    bytes += await sendAll(url, exportBodies(page), agent, async (answer, index) => {
      const data = Buffer.concat(answer);
      const itemCount = Math.min(50, page.length - index * 50);
      const part = Math.floor(data.length * 3 / 4 / itemCount);
      await Promise.all(Array.from({ length: itemCount }, async (_, i) => {
        const file = path.join(directory, `floor-${fileNumber++}`);
        await writeFile(`${file}.tmp`, data.subarray(i * part, (i + 1) * part));
        await rename(`${file}.tmp`, file);
        files.push(file);
      }));
    });
    await syncFiles(files);
  }
  agent.destroy();
  return { bytes };
}

/**
 * exportItemsTo into sinks that drop the bytes: the client's own rate, without the disk. A counting sink
 * measures the SDK's reading and decoding alone; a hashing sink adds the SHA-256 the manifest records.
 */
async function clientRate(client: ExchangeClient, ids: string[], sink: 'counting' | 'hashing'): Promise<{ failed: number }> {
  const batches = new ItemBatches(client, { batchSize: 50, concurrency: 3 });
  const sinkFor = (): ExportSink<string> => {
    const hash = sink === 'hashing' ? createHash('sha256') : undefined;
    let bytes = 0;
    let settle!: { resolve: (digest: string) => void; reject: (error: Error) => void };
    const done = new Promise<string>((resolve, reject) => { settle = { resolve, reject }; });
    return {
      done, write: (chunk) => { bytes += chunk.length; hash?.update(chunk); },
      end: () => settle.resolve(hash?.digest('hex') ?? String(bytes)), fail: (error) => settle.reject(error), waitForRoom: () => undefined,
    };
  };
  let failed = 0;
  for await (const record of exportItemsTo(batches, ids.map((Id) => ({ Id })), sinkFor, { windowSize: PAGE_SIZE })) if (!record.ok) failed++;
  return { failed };
}

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;

/**
 * The simulator child's CPU time so far (utime + stime, all its threads), from /proc (Linux); undefined
 * elsewhere. With the client's own CPU time it makes the phases comparable on a machine other work loads.
 */
function childCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // fields 14 and 15: utime, stime
  } catch {
    return undefined;
  }
}

/** One phase's wall time and both sides' CPU time. */
interface Phase {
  readonly seconds: number;
  readonly clientCpu: number;
  /** The part of clientCpu spent in the kernel (socket reads, file writes, fsync). */
  readonly clientSystemCpu: number;
  readonly simulatorCpu: number | undefined;
}

async function measured<T>(child: ChildProcess, run: () => Promise<T>): Promise<{ result: T; phase: Phase }> {
  const simulatorBefore = childCpuSeconds(child.pid);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await run();
  if (process.env.BENCH_PHASE_MARKS) console.error(`phase ${Number(started / 1000n)} ${Number(process.hrtime.bigint() / 1000n)}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const clientCpu = cpuMsSince(cpu) / 1000;
  const clientSystemCpu = process.cpuUsage(cpu).system / 1e6;
  const simulatorAfter = childCpuSeconds(child.pid);
  const simulatorCpu = simulatorBefore !== undefined && simulatorAfter !== undefined ? simulatorAfter - simulatorBefore : undefined;
  return { result, phase: { seconds, clientCpu, clientSystemCpu, simulatorCpu } };
}

/** "client CPU s, simulator CPU s of wall s": how busy each side was (near the wall time: it never waited). */
function cpuLine(phase: Phase): string {
  const simulator = phase.simulatorCpu === undefined ? 'simulator CPU unknown' : `simulator CPU ${phase.simulatorCpu.toFixed(1)} s`;
  return `client CPU ${phase.clientCpu.toFixed(1)} s (system ${phase.clientSystemCpu.toFixed(1)} s), ${simulator}, of ${phase.seconds.toFixed(1)} s wall`;
}

/** Client CPU per item ÷ simulator CPU per item, both measured over the same phase (same items). */
function cpuRatio(phase: Phase): string {
  return phase.simulatorCpu === undefined || phase.simulatorCpu === 0 ? '—' : (phase.clientCpu / phase.simulatorCpu).toFixed(2);
}

async function main(): Promise<void> {
  const { url, child } = await startSimulatorProcess();
  const client = new ExchangeClient({ url, auth: basicAuth('alice@contoso.com', 'Simulator-1') });
  const directory = mkdtempSync(path.join(tmpdir(), 'typed-ews-bench-export-'));
  const loadBefore = loadavg();
  try {
    const ids: string[] = [];
    for await (const page of syncItems(client, 'inbox')) for (const change of page.changes) if ('itemId' in change && change.itemId) ids.push(change.itemId.Id);
    const floor = await measured(child, () => servingRate(url, ids));
    const alone = await measured(child, () => clientRate(client, ids, 'counting'));
    const hashing = await measured(child, () => clientRate(client, ids, 'hashing'));
    // Its files stay until the end: deleted, they would hand the export page-cache memory already mapped.
    const floorDirectory = path.join(directory, 'disk-floor');
    mkdirSync(floorDirectory);
    const diskFloor = await measured(child, () => writeAsDiskFloor(url, ids, floorDirectory));

    global.gc?.();
    let peak = process.memoryUsage().rss;
    const baselineAfter = Math.min(1000, Math.ceil(ITEMS / 10));
    let atBaseline: number | undefined;
    let exported = 0;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    const exporting = await measured(child, () => exportMailbox(client, {
      directory: path.join(directory, 'export'), mailbox: 'alice@contoso.com', folders: ['inbox'], pageSize: PAGE_SIZE, batches: { batchSize: 50, concurrency: 3 },
      onProgress: (counts) => {
        exported = counts.items;
        if (atBaseline === undefined && exported >= baselineAfter) atBaseline = process.memoryUsage().rss;
      },
    }));
    const summary = exporting.result;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    const floorRate = ids.length / floor.phase.seconds;
    const perItem = (seconds: number | undefined, items: number) => (seconds === undefined ? '?' : (1000 * seconds / items).toFixed(2));
    const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' ');
    console.log(`## Export of a mailbox (bench/export-mailbox.ts)\n`);
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} MB RAM, Node ${process.version}, load average ${load(loadBefore)} before → ${load(loadavg())} after. Command: \`npm run bench:export -- --items ${ITEMS} --large-every ${LARGE_EVERY} --large-mb ${LARGE_MB} --page-size ${PAGE_SIZE}\`.\n`);
    console.log(`| measure | value |\n| --- | --- |`);
    console.log(`| items (every ${LARGE_EVERY}th with a ${LARGE_MB} MB attachment) | ${summary.items} exported, ${summary.failed} failed, ${mb(summary.bytes)} MB of data |`);
    console.log(`| simulator serving rate (node:http floor, answers unread) | ${floorRate.toFixed(0)} items/s, ${mb(floor.result.bytes / floor.phase.seconds)} MB/s; ${cpuLine(floor.phase)}; simulator ${perItem(floor.phase.simulatorCpu, ids.length)} ms CPU/item |`);
    console.log(`| the client alone: exportItemsTo into a sink that counts (the SDK's reading and decoding, no disk) | ${(ids.length / alone.phase.seconds).toFixed(0)} items/s (**${(100 * floor.phase.seconds / alone.phase.seconds).toFixed(0)}% of the floor**), ${alone.result.failed} failed; ${cpuLine(alone.phase)} |`);
    console.log(`| the client with the manifest's hash: exportItemsTo into a sink that computes SHA-256 (no disk) | ${(ids.length / hashing.phase.seconds).toFixed(0)} items/s (${(100 * floor.phase.seconds / hashing.phase.seconds).toFixed(0)}% of the floor), ${hashing.result.failed} failed; ${cpuLine(hashing.phase)} |`);
    const diskFloorRate = ids.length / diskFloor.phase.seconds;
    console.log(`| the disk floor: the same answers over node:http, ¾ of their bytes into as many files, renamed, fsynced per page of ${PAGE_SIZE} (no SDK) | ${diskFloorRate.toFixed(0)} items/s (${(100 * diskFloorRate / floorRate).toFixed(0)}% of the floor); ${cpuLine(diskFloor.phase)} |`);
    const exportRate = summary.items / exporting.phase.seconds;
    console.log(`| exportMailbox (sync + ExportItems + files + manifest) | ${exportRate.toFixed(0)} items/s (${(100 * exportRate / floorRate).toFixed(0)}% of the floor, **${(100 * exportRate / diskFloorRate).toFixed(0)}% of the disk floor**); ${cpuLine(exporting.phase)} |`);
    console.log(`| CPU per item, client ÷ simulator (≤ 1.25: 80% of the floor is reachable on two cores) | client alone ${perItem(alone.phase.clientCpu, ids.length)} ÷ ${perItem(alone.phase.simulatorCpu, ids.length)} ms = **${cpuRatio(alone.phase)}**; with the hash ${perItem(hashing.phase.clientCpu, ids.length)} ÷ ${perItem(hashing.phase.simulatorCpu, ids.length)} ms = ${cpuRatio(hashing.phase)}; exportMailbox ${perItem(exporting.phase.clientCpu, summary.items)} ÷ ${perItem(exporting.phase.simulatorCpu, summary.items)} ms = **${cpuRatio(exporting.phase)}** |`);
    console.log(`| RSS after the first ${baselineAfter} items → peak | ${mb(atBaseline ?? 0)} MB → ${mb(peak)} MB (${(peak / (atBaseline ?? peak)).toFixed(2)}×) |`);
    console.log(`| time | export ${exporting.phase.seconds.toFixed(1)} s, disk floor ${diskFloor.phase.seconds.toFixed(1)} s, client alone ${alone.phase.seconds.toFixed(1)} s (with the hash ${hashing.phase.seconds.toFixed(1)} s), floor ${floor.phase.seconds.toFixed(1)} s |`);
  } finally {
    client.close();
    child.kill();
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Run through ts-node (`npm run bench:export`), the bench compiles the project (bench/build.ts) and runs
 * itself and the simulator as JavaScript, as users run the SDK: ts-node would keep the TypeScript
 * compiler in both heaps, and every mark-compact of the client would walk it.
 */
function runCompiled(): void {
  const root = path.join(__dirname, '..');
  const buildRoot = path.join(root, 'bench', '.out', 'build');
  transpileProject(root, buildRoot);
  const compiled = path.join(buildRoot, 'bench', 'export-mailbox.js');
  const run = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv.filter((flag) => flag.startsWith('--cpu-prof')), compiled, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}

if (__filename.endsWith('.ts') && !process.argv.includes('--ts-node')) runCompiled();
else {
  main().catch((error: Error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
