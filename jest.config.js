const { spawnSync } = require('node:child_process');

/**
 * No fixed timeout around work whose length depends on the machine: the default bound is a multiple of
 * what starting Node takes here and now (median of three), so it grows when the machine is busy.
 * Heavier hooks scale their own bound the same way (test/support/pace.ts).
 */
function nodeStartMs() {
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[1];
}

/** Transpile-only: type checking runs once over the whole project in `npm run typecheck`. */
module.exports = {
  testEnvironment: 'node',
  // examples/ holds a jest test of its own (simulator-in-jest.test.ts), run like the others.
  roots: ['<rootDir>/test', '<rootDir>/examples'],
  // The examples import the package by name, as users do; here that name is the source.
  moduleNameMapper: { '^typed-ews$': '<rootDir>/src/index.ts', '^typed-ews/simulator$': '<rootDir>/src/simulator/index.ts' },
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: Math.max(60_000, Math.round(nodeStartMs() * 1000)),
};
