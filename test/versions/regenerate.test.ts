/**
 * `npm run codegen -- --schemas DIR` for the historical sets: generation into a temporary project
 * (a copy of src/ beside the regenerated generated/) and a type check of the hand-written layer on it.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT, generate } from '../../codegen/generate';
import { writeFiles } from '../../codegen/emit/emit';

function regenerate(set: string): { dir: string; operations: number } {
  const dir = mkdtempSync(join(tmpdir(), `typed-ews-${set}-`));
  cpSync(join(PROJECT_ROOT, 'src'), join(dir, 'src'), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const { compiled, files } = generate(join(PROJECT_ROOT, 'schemas/versions', set), join(dir, 'generated'));
  writeFiles(files);
  return { dir, operations: Object.keys(compiled.schema.operations).length };
}

function typeErrors(dir: string): string[] {
  const config = ts.readConfigFile(join(PROJECT_ROOT, 'tsconfig.json'), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent({ ...config, include: [] }, ts.sys, PROJECT_ROOT);
  const program = ts.createProgram(ts.sys.readDirectory(join(dir, 'src'), ['.ts']),
    { ...options, noEmit: true, types: ['node'], typeRoots: [join(PROJECT_ROOT, 'node_modules/@types')] });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('regenerating from a historical schema set', () => {
  it('from the newest set (Exchange 2019 / SE, V2017_07_11): 122 operations and the whole src/ type-checks', () => {
    const { dir, operations } = regenerate('exchange2019');
    try {
      expect(operations).toBe(122);
      expect(typeErrors(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('from the oldest set (Exchange 2007 SP1): 34 operations, facts relative to it, and the whole src/ type-checks', () => {
    const { dir, operations } = regenerate('exchange2007-sp1');
    try {
      expect(operations).toBe(34);
      expect(typeErrors(dir)).toEqual([]);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { schema } = require(join(dir, 'generated/schema.ts')) as typeof import('../../generated/schema');
      expect(schema.versions?.sets[0].name).toBe('exchange2007-sp1');
      expect(schema.versions?.operations).toBe(''); // every operation of the set is in the baseline
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
