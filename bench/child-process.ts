/** Runs a child to completion and times it from spawn to exit. */
import { spawn } from 'node:child_process';

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time from spawn to exit: a start-up measurement uses it directly. */
  readonly elapsedMs: number;
  /** Killed for outliving `timeoutMs`. */
  readonly timedOut: boolean;
}

export function runNode(args: readonly string[], timeoutMs: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => { stdout += text; });
    child.stderr.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    let elapsedMs = NaN;
    child.on('exit', () => { elapsedMs = performance.now() - start; });
    // Output may still be in the pipes at 'exit'; 'close' follows once they are drained.
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, elapsedMs, timedOut });
    });
  });
}
