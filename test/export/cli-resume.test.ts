/**
 * `typed-ews export` killed with SIGKILL at random points and resumed each time: the final manifests hold
 * every item of the simulator's store exactly once, each file matching its recorded hash. The CLI runs
 * from a build (as `npx typed-ews` does) in a child process against a simulator in this process.
 *
 * Where a kill lands is chosen by progress, not by the clock, so a fast or a busy machine kills every run
 * alike: the CLI talks to the simulator through a proxy that passes a random number of requests, kills the
 * CLI a random moment after the last of them is answered (while it parses, writes or fsyncs), and holds
 * any later request unanswered until the kill has landed.
 * EXPORT_KILLS sets how many kills (20 by default).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ItemBatches } from '../../src/batch';
import { readManifest, type ManifestEntry } from '../../src/export/manifest';
import { seededRandom, withSimulator } from '../sync/support';

const root = path.join(__dirname, '../..');
const outDir = mkdtempSync(path.join(tmpdir(), 'typed-ews-cli-build-'));
const KILLS = Number(process.env.EXPORT_KILLS ?? 20);

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
}, 300_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the CLI; `done` settles when it has exited, however it ended. */
function startExport(url: string, directory: string, resume: boolean): { child: ChildProcess; done: Promise<Run> } {
  const args = [path.join(outDir, 'src/export/cli.js'), 'export', '--url', url, '--dir', directory, '--folders', 'inbox,drafts',
    '--page-size', '15', '--batch-size', '5', '--concurrency', '2', ...(resume ? ['--resume'] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), EWS_USERNAME: 'alice@contoso.com', EWS_PASSWORD: 'Simulator-1', EWS_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk; });
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/**
 * A proxy to the simulator that, once armed, forwards `passRequests` more requests, calls `kill`
 * `killDelayMs` after the last of them has been answered, and never forwards the requests after it.
 */
async function startKillingProxy(target: string): Promise<{ url: string; arm(passRequests: number, killDelayMs: number, kill: () => void): void; close(): Promise<void> }> {
  const upstream = new URL(target);
  let remaining = Infinity;
  let killDelayMs = 0;
  let kill = (): void => undefined;
  const server = http.createServer((req, res) => {
    if (remaining <= 0) return; // held: the CLI is killed while it waits
    const last = --remaining === 0;
    const forwarded = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      if (last) res.on('finish', () => setTimeout(kill, killDelayMs));
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    arm(passRequests, delay, killer) { remaining = passRequests; killDelayMs = delay; kill = killer; },
    close: () => new Promise((closed) => { server.closeAllConnections(); server.close(() => closed()); }),
  };
}

test(`an export killed with SIGKILL ${KILLS} times at random points and resumed each time ends with every item in the manifests exactly once`, async () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'typed-ews-export-'));
  try {
    await withSimulator(async (world) => {
      const batches = new ItemBatches(world.client, { batchSize: 100 });
      const attachment = Buffer.alloc(3000, 7).toString('base64');
      for (const folder of ['inbox', 'drafts'] as const) {
        await batches.createItems(Array.from({ length: 400 }, (_, i) => ({
          $el: 'Message' as const, Subject: `${folder} ${i}`,
          ...(i % 10 === 0 && { Attachments: [{ $el: 'FileAttachment' as const, Name: `f${i}.bin`, Content: attachment }] }),
        })), { messageDisposition: 'SaveOnly', savedItemFolderId: folder });
      }
      const random = seededRandom(2026);
      // A whole export takes 215 requests; passing at most 200 over all the killed runs leaves each short of the end.
      const passAtMost = Math.max(1, Math.floor(200 / KILLS));
      const proxy = await startKillingProxy(world.sim.url);
      try {
        for (let attempt = 0; attempt < KILLS; attempt++) {
          const exporting = startExport(proxy.url, directory, attempt > 0);
          proxy.arm(1 + Math.floor(random() * passAtMost), Math.floor(random() * 20), () => exporting.child.kill('SIGKILL'));
          const run = await exporting.done;
          expect({ attempt, signal: run.signal, stderr: run.stderr }).toEqual({ attempt, signal: 'SIGKILL', stderr: expect.not.stringMatching(/typed-ews:|Error/) });
        }
        proxy.arm(Infinity, 0, () => undefined);
        const final = await startExport(proxy.url, directory, true).done;
        expect(final.stderr).not.toMatch(/typed-ews:/);
        expect(final.code).toBe(0);
      } finally {
        await proxy.close();
      }

      for (const [index, folder] of (['inbox', 'drafts'] as const).entries()) {
        const folderDirectory = path.join(directory, 'folders', `${index + 1}-${folder}`);
        const entries: ManifestEntry[] = [];
        for await (const entry of readManifest(folderDirectory)) entries.push(entry);
        const items = entries.filter((entry): entry is Extract<ManifestEntry, { op: 'item' }> => entry.op === 'item');
        expect(entries.filter((entry) => entry.op !== 'item')).toEqual([]);
        const stored = world.mailbox.itemsIn(world.mailbox.distinguishedFolder(folder)!.key).map((item) => item.data.ItemId!.Id);
        expect(items.map((item) => item.id).sort()).toEqual(stored.sort());
        for (const item of items) {
          expect(createHash('sha256').update(readFileSync(path.join(folderDirectory, item.file))).digest('hex')).toBe(item.sha256);
        }
      }
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}, 600_000);
