/**
 * The cold scenarios: what a command-line tool, a scheduled job or a serverless function pays on every
 * run. A fresh `node` process loads one client and makes one call (bench/cold-child.ts); the parent
 * times spawn → the line with the first result, and the child reports the call's own time, which for
 * typed-ews includes loading and compiling the descriptors it needs on first use.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ClientName, Outcome, ScenarioName } from './clients/bench-client';
import { expectedOutcome } from './cells';
import { median } from './stats';

export interface ColdCell {
  readonly client: ClientName;
  readonly scenario: ScenarioName;
  readonly count: number;
  readonly server: string;
}

/** What the cold child prints. */
export interface ColdMeasurement {
  /** Requiring the client and preparing the inputs (the floor builds its request bytes here). */
  readonly loadMs: number;
  /** The first call: request written, sent, response read. */
  readonly callMs: number;
  readonly outcome: Outcome;
  /** The process's CPU time (user + system, all threads) from its start to the result: what a loaded machine distorts least. */
  readonly cpuMs: number;
  /** The first call's share of it. */
  readonly callCpuMs: number;
}

/** One round's value of a cold cell: medians over `runs` fresh processes. */
export interface ColdRound {
  /** Spawn → the result line, in the parent. */
  readonly timeMs: number;
  /** The first call's own time, in the child. */
  readonly firstMs: number;
  readonly rssKiB: number;
}

/** The cold set's clients: typed-ews's call() and ItemBatches beside the peer and the floor. */
export const COLD_CLIENTS: readonly ClientName[] = ['saxes floor', 'typed-ews', 'typed-ews ItemBatches', 'ews-javascript-api'];

const COLD_TIMEOUT_MS = 60_000;

export async function measureCold(cell: ColdCell, buildRoot: string, runs: number): Promise<ColdRound> {
  const toResult: number[] = [];
  const calls: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { elapsedMs, measurement } = await runColdChild(cell, buildRoot);
    const expected = expectedOutcome(cell.scenario, cell.count);
    const { items, errors } = measurement.outcome;
    const wrong = cell.client === 'saxes floor' ? items < cell.count : items !== expected.items || errors !== expected.errors;
    if (wrong) throw new Error(`${cell.client} saw ${JSON.stringify(measurement.outcome)}, expected ${JSON.stringify(expected)}`);
    toResult.push(elapsedMs);
    calls.push(measurement.callMs);
  }
  // A cold process's RSS is not what this section is about; start-up reports it.
  return { timeMs: median(toResult), firstMs: median(calls), rssKiB: NaN };
}

/** Spawns the child and resolves when its result line arrives (not at exit: exiting is not part of the result). */
export function runColdChild(cell: ColdCell, buildRoot: string): Promise<{ elapsedMs: number; measurement: ColdMeasurement }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(buildRoot, 'bench', 'cold-child.js'), JSON.stringify(cell)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let elapsedMs: number | undefined;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (elapsedMs === undefined && stdout.includes('\n')) elapsedMs = performance.now() - start;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
    const timer = setTimeout(() => child.kill('SIGKILL'), COLD_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 || elapsedMs === undefined) {
        reject(new Error(stderr.trim().split('\n')[0] || `exit code ${code}`));
        return;
      }
      resolve({ elapsedMs, measurement: JSON.parse(stdout.trim().split('\n')[0]) as ColdMeasurement });
    });
  });
}
