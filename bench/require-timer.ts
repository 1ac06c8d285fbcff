/**
 * Preloaded (`node -r require-timer.js startup.js typed-ews`) to show where start-up goes: every
 * `require` is timed inclusively and the tree of loads taking 1 ms or more is printed on exit.
 */
import Module from 'node:module';
import path from 'node:path';

interface Load {
  readonly request: string;
  readonly depth: number;
  ms: number;
}

const loads: Load[] = [];
let depth = 0;
const moduleInternals = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const originalLoad = moduleInternals._load;

moduleInternals._load = function timedLoad(request, parent, isMain) {
  const load: Load = { request, depth, ms: 0 };
  loads.push(load);
  depth++;
  const start = performance.now();
  try {
    return originalLoad.call(this, request, parent, isMain);
  } finally {
    load.ms = performance.now() - start;
    depth--;
  }
};

/** The repository: this file runs from bench/.out/build/bench/. */
const root = path.resolve(__dirname, '..', '..', '..', '..');
process.on('exit', () => {
  const lines = loads.filter((load) => load.ms >= 1)
    .map((load) => `${load.ms.toFixed(1).padStart(7)} ms ${'  '.repeat(load.depth)}${load.request.replace(root, '.')}`);
  process.stderr.write(`require() inclusive times (≥ 1 ms), in load order:\n${lines.join('\n')}\n`);
});
