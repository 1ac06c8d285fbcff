/** The facts a reader needs to compare a rerun: machine, Node, peer versions, the commit measured. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Environment {
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly node: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly commit: string;
}

const PEERS = ['ews-javascript-api', '@xmldom/xmldom', 'saxes', 'xmlbuilder2', 'axios'];

export function describeEnvironment(root: string): Environment {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memory: commandOutput('free', ['-h']) ?? `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total`,
    node: process.version,
    packages: Object.fromEntries(PEERS.map((name) => [name, packageVersion(root, name)])),
    commit: commitOf(root),
  };
}

function cpuModel(): string {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  return /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
}

function packageVersion(root: string, name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** HEAD, marked when the working tree differs from it (the usual case while the bench is being run). */
function commitOf(root: string): string {
  const head = commandOutput('git', ['-C', root, 'rev-parse', '--short', 'HEAD']);
  if (!head) return 'unknown';
  const changes = commandOutput('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'generated']);
  return changes ? `${head} + uncommitted changes in src/ or generated/` : head;
}

function commandOutput(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return undefined;
  }
}
