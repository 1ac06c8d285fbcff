/**
 * `typed-ews export` killed with SIGKILL at random points and resumed each time: the final manifests hold
 * every item of the simulator's store exactly once, each file matching its recorded hash. The CLI runs
 * from a build (as `npx typed-ews` does) in a child process against a simulator in this process.
 * EXPORT_KILLS sets how many kills (20 by default).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** Runs the CLI; with `killAfterMs`, SIGKILLs it that long after it reported its first exported item. */
function runExport(url: string, directory: string, resume: boolean, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const args = [path.join(outDir, 'src/export/cli.js'), 'export', '--url', url, '--dir', directory, '--folders', 'inbox,drafts',
      '--page-size', '15', '--batch-size', '5', '--concurrency', '2', ...(resume ? ['--resume'] : [])];
    const child = spawn(process.execPath, args, { env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), EWS_USERNAME: 'alice@contoso.com', EWS_PASSWORD: 'Simulator-1', EWS_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk; });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      if (killAfterMs !== undefined && stderr.includes('exported ')) {
        const delay = killAfterMs;
        killAfterMs = undefined;
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
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
      let killed = 0;
      for (let attempt = 0; attempt < KILLS; attempt++) {
        const run = await runExport(world.sim.url, directory, attempt > 0, Math.floor(random() * 250));
        if (run.signal === 'SIGKILL') killed++;
        else expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.not.stringMatching(/typed-ews:|Error/) }); // finished before the kill landed
      }
      const final = await runExport(world.sim.url, directory, true);
      expect(final.stderr).not.toMatch(/typed-ews:/);
      expect(final.code).toBe(0);
      expect(killed).toBeGreaterThan(KILLS / 2);

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
