/**
 * `npm run bench -- --profile typed-ews:getItem:10000`: runs one cell under `node --cpu-prof` and
 * prints where the time went (self time by function and by file), the evidence for a missed target.
 * `--profile startup:typed-ews` prints the tree of `require` times of a start-up process instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { transpileProject } from './build';
import { runNode } from './child-process';
import { cellOf, type CallCell } from './cells';
import { startCannedServer } from './server/canned-server';
import { STARTUP_TARGETS } from './startup';

interface CpuProfile {
  readonly nodes: ReadonlyArray<{ readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number } }>;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export async function profileCell(spec: string, root: string, log: (line: string) => void): Promise<string> {
  const [client, scenario, count, transport = 'http'] = spec.split(':');
  if (client === 'startup') return requireTimes(scenario, root);
  if (client === 'cold') return profileColdCell(spec.split(':').slice(1), root, log);
  const cell = cellOf(client, scenario, count);
  if (!cell || (transport !== 'http' && transport !== 'memory')) {
    throw new Error(`--profile: expected client:scenario:N[:http|memory], e.g. typed-ews:getItem:10000; got ${spec}`);
  }
  const name = `${client.replace(/\W+/g, '-')}-${scenario}-${count}-${transport}-${Date.now()}.cpuprofile`;
  const run = await profiledChild(root, name, () => ['--expose-gc'], 'child.js', 20 * 60_000, (server): CallCell => ({
    kind: 'call', ...cell, transport,
    // Enough calls that the steady state, not loading and compiling, fills the profile.
    server, warmup: 2, timed: Math.max(3, Math.ceil(100_000 / cell.count)),
  }));
  log(`profile written to ${path.relative(root, run.file)} (open it in Chrome DevTools › Performance)`);
  return summarizeProfile(run.profile, root);
}

/** Builds the bench, starts the canned server and runs one child under --cpu-prof; the profile and the child's output. */
async function profiledChild(
  root: string, name: string, flags: (buildRoot: string) => string[], script: string, timeoutMs: number, cellFor: (serverUrl: string) => object,
): Promise<{ file: string; profile: CpuProfile; stdout: string; stderr: string }> {
  const buildRoot = path.join(root, 'bench', '.out', 'build');
  const profileDir = path.join(root, 'bench', '.out', 'profiles');
  transpileProject(root, buildRoot);
  fs.mkdirSync(profileDir, { recursive: true });
  const server = await startCannedServer();
  try {
    const result = await runNode([...flags(buildRoot), '--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', name,
      path.join(buildRoot, 'bench', script), JSON.stringify(cellFor(server.url))], timeoutMs);
    if (result.code !== 0) throw new Error(result.stderr.trim().split('\n')[0]);
    const file = path.join(profileDir, name);
    return { file, profile: JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, stdout: result.stdout, stderr: result.stderr };
  } finally {
    await server.close();
  }
}

/** Where a start-up process spends its time: every `require`, timed inclusively (see require-timer.ts). */
async function requireTimes(target: string, root: string): Promise<string> {
  if (!(STARTUP_TARGETS as readonly string[]).includes(target)) throw new Error(`--profile startup:<target>: one of ${STARTUP_TARGETS.join(', ')}`);
  const buildRoot = path.join(root, 'bench', '.out', 'build');
  transpileProject(root, buildRoot);
  const result = await runNode(['-r', path.join(buildRoot, 'bench', 'require-timer.js'), path.join(buildRoot, 'bench', 'startup.js'), target], 60_000);
  if (result.code !== 0) throw new Error(result.stderr.trim().split('\n')[0]);
  return result.stderr.trim();
}

/**
 * `--profile cold:typed-ews:deleteItem:100`: one cold cell (a fresh process, one call) under
 * `--cpu-prof`, with the require tree: what the first call and loading the client cost.
 */
async function profileColdCell([client, scenario, count]: string[], root: string, log: (line: string) => void): Promise<string> {
  const cell = cellOf(client, scenario, count);
  if (!cell) {
    throw new Error(`--profile cold:client:scenario:N, e.g. cold:typed-ews:deleteItem:100; got cold:${client}:${scenario}:${count}`);
  }
  const name = `cold-${client.replace(/\W+/g, '-')}-${scenario}-${count}-${Date.now()}.cpuprofile`;
  const run = await profiledChild(root, name, (buildRoot) => ['--cpu-prof-interval', '100', '-r', path.join(buildRoot, 'bench', 'require-timer.js')], 'cold-child.js', 60_000,
    (server) => ({ ...cell, server }));
  log(`profile written to ${path.relative(root, run.file)}`);
  return `${run.stdout.trim()}\n\n${run.stderr.trim()}\n\n${summarizeProfile(run.profile, root, 40)}`;
}

/** Self time per function and per file, largest first; the whole child run (warm-up and set-up included). */
export function summarizeProfile(profile: CpuProfile, root: string, top = 25): string {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const frame = frames.get(profile.samples[index])!;
    const delta = profile.timeDeltas[index] ?? 0;
    const file = frame.url === '' ? `(${frame.functionName || 'native'})` : shorten(frame.url, root);
    const where = `${frame.functionName || '(anonymous)'} ${file}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + delta);
    byFile.set(file, (byFile.get(file) ?? 0) + delta);
    total += delta;
  }
  const table = (title: string, entries: Map<string, number>): string => [
    `${title} (self time, of ${(total / 1000).toFixed(0)} ms sampled)`,
    ...[...entries].sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([where, micros]) => `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${where}`),
  ].join('\n');
  return `${table('By function', byFunction)}\n\n${table('By file', byFile)}`;
}

function shorten(url: string, root: string): string {
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  return file.startsWith(root) ? path.relative(root, file).replace(/^bench\/\.out\/build\//, '') : file;
}
