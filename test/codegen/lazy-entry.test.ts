/**
 * The package entry is derived from src/index.ts (codegen/emit/lazy-entry.ts): one getter per value it
 * exports, reading the module that declares the value under that module's own name.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { emitLazyEntry } from '../../codegen/emit/lazy-entry';

const SOURCES: Record<string, string> = {
  'src/index.ts': [
    "export { alpha, type AlphaOptions } from './a';",
    "export * from './b';",
    "export type { Gamma } from './c';",
    "export { delta as renamedDelta } from './d';",
    "export * from '../generated/values';",
    "export { Beta } from './b';",
  ].join('\n'),
  'src/a.ts': 'export function alpha(): void {}\nexport interface AlphaOptions { readonly x: number }',
  'src/b/index.ts': "export { Beta } from './beta';\nexport type { BetaShape } from './beta';",
  'src/b/beta.ts': 'export class Beta {}\nexport interface BetaShape { readonly y: number }',
  'src/c.ts': 'export class Gamma {}',
  'src/d.ts': 'const inner = 1;\nexport { inner as delta };',
};

describe('lazy entry emitter', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'lazy-entry-'));
    for (const [path, text] of Object.entries(SOURCES)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('defines one detectable getter per runtime export of src/index.ts, from the module declaring it, and none for types', () => {
    // generated/values.ts exists only in memory, as the files of a codegen run before they are written.
    const emitted = [{ path: join(root, 'generated/values.ts'), text: "export const KindValues = ['x'] as const;\nexport type Kind = 'x';" }];
    expect(emitLazyEntry(join(root, 'src/index.ts'), root, join(root, 'generated'), '../src/schema', emitted)).toEqual([
      "import { onFirstUse } from '../src/schema/on-first-use';",
      "const src_a = onFirstUse<typeof import('../src/a')>(() => require('../src/a'));",
      "const src_b_beta = onFirstUse<typeof import('../src/b/beta')>(() => require('../src/b/beta'));",
      "const src_d = onFirstUse<typeof import('../src/d')>(() => require('../src/d'));",
      "const generated_values = onFirstUse<typeof import('./values')>(() => require('./values'));",
      "Object.defineProperty(exports, 'alpha', { enumerable: true, get: function () { return src_a.alpha; } });",
      "Object.defineProperty(exports, 'Beta', { enumerable: true, get: function () { return src_b_beta.Beta; } });",
      "Object.defineProperty(exports, 'renamedDelta', { enumerable: true, get: function () { return src_d.delta; } });",
      "Object.defineProperty(exports, 'KindValues', { enumerable: true, get: function () { return generated_values.KindValues; } });",
    ]);
  });
});
