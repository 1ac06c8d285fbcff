/**
 * The package as a user gets it: `npm pack` (its prepack build included) in a staging copy of the
 * project, so the worktree's dist/ is never touched, and the tarball unpacked into a consumer project's
 * node_modules/typed-ews the way `npm install` places it. The consumer's other packages are links to
 * this project's node_modules, so no test needs the network.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROJECT_ROOT = join(__dirname, '../..');

/** What packing needs from the project: the build's inputs and the files package.json ships. */
const STAGED = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'src', 'generated', 'schemas'];

export interface PackedPackage {
  /** The staging copy, holding the tarball; removed by the caller. */
  readonly staging: string;
  readonly tarball: string;
  /** Paths inside the tarball, relative to its package/ folder. */
  readonly files: readonly string[];
  readonly unpackedSize: number;
}

export function packInStagingCopy(): PackedPackage {
  const staging = mkdtempSync(join(tmpdir(), 'typed-ews-pack-'));
  for (const entry of STAGED) cpSync(join(PROJECT_ROOT, entry), join(staging, entry), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(staging, 'node_modules'), 'dir');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', staging], {
    cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  })) as [{ filename: string; files: { path: string }[]; unpackedSize: number }];
  return { staging, tarball: join(staging, packed.filename), files: packed.files.map((file) => file.path), unpackedSize: packed.unpackedSize };
}

/** A fresh project with the tarball in node_modules/typed-ews and every other package linked from ours. */
export function consumerProject(tarball: string): string {
  const consumer = mkdtempSync(join(tmpdir(), 'typed-ews-consumer-'));
  const modules = join(consumer, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (entry === '.bin' || entry === '.package-lock.json') continue;
    symlinkSync(join(PROJECT_ROOT, 'node_modules', entry), join(modules, entry), 'dir');
  }
  mkdirSync(join(modules, 'typed-ews'));
  execFileSync('tar', ['-xzf', tarball, '-C', join(modules, 'typed-ews'), '--strip-components=1']);
  cpSync(join(__dirname, 'consumer'), consumer, { recursive: true });
  return consumer;
}

/** Type-checks (and emits, unless the config says noEmit) a consumer project with its own tsconfig. */
export function compileConsumer(consumer: string, tsconfig: string): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], { cwd: consumer, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
