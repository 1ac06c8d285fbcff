/**
 * `npm run codegen -- --schemas DIR` for every historical set of schemas/versions/: generation into a
 * temporary project each (a copy of src/ beside the regenerated generated/), one type check of all of
 * them together (one TypeScript program shares the parsed libraries and @types), and a request written
 * and read back with each set's own runtime and descriptors.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT, generate } from '../../codegen/generate';
import { writeFiles } from '../../codegen/emit/emit';
import type { CompiledSchema } from '../../codegen/compile-schema';

const VERSIONS = join(PROJECT_ROOT, 'schemas/versions');
const SETS = readdirSync(VERSIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

/** Operations per set (schemas/versions/PROVENANCE.md); 2013 SP1's are inferred from messages.xsd. */
const OPERATIONS: Record<string, number> = {
  'exchange2007-sp1': 34, 'exchange2010-sp1': 59, 'exchange2010-sp2': 60, 'exchange2013-sp1': 113, exchange2016: 110, exchange2019: 122,
};

interface Regenerated { readonly set: string; readonly dir: string; readonly compiled: CompiledSchema }

function regenerate(set: string, root: string): Regenerated {
  const dir = join(root, set);
  cpSync(join(PROJECT_ROOT, 'src'), join(dir, 'src'), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const { compiled, files } = generate(join(VERSIONS, set), join(dir, 'generated'));
  writeFiles(files);
  return { set, dir, compiled };
}

/** Type errors per project, from one program over every project's src/. */
function typeErrors(projects: readonly Regenerated[]): Record<string, string[]> {
  const config = ts.readConfigFile(join(PROJECT_ROOT, 'tsconfig.json'), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent({ ...config, include: [] }, ts.sys, PROJECT_ROOT);
  const roots = projects.flatMap((p) => ts.sys.readDirectory(join(p.dir, 'src'), ['.ts']));
  const program = ts.createProgram(roots, { ...options, noEmit: true, types: ['node'], typeRoots: [join(PROJECT_ROOT, 'node_modules/@types')] });
  const errors: Record<string, string[]> = Object.fromEntries(projects.map((p) => [p.set, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const project = projects.find((p) => d.file?.fileName.startsWith(p.dir + sep) || d.file?.fileName.startsWith(`${p.dir}/`));
    const where = d.file ? `${relative(project?.dir ?? PROJECT_ROOT, d.file.fileName)}: ` : '';
    (errors[project?.set ?? 'global'] ??= []).push(where + ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  return errors;
}

describe('regenerating from every historical schema set', () => {
  const root = mkdtempSync(join(tmpdir(), 'typed-ews-sets-'));
  let projects: Regenerated[] = [];
  beforeAll(() => { projects = SETS.map((set) => regenerate(set, root)); });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('covers every set of schemas/versions/', () => {
    expect(SETS).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('generates each set\'s operations: 34 (2007 SP1) to 122 (2019), 2013 SP1\'s inferred from messages.xsd', () => {
    expect(Object.fromEntries(projects.map((p) => [p.set, Object.keys(p.compiled.schema.operations).length]))).toEqual(OPERATIONS);
    const inferred = projects.find((p) => p.set === 'exchange2013-sp1')!.compiled;
    expect(inferred.inferredOperations?.count).toBe(113);
    // 98 as the other sets' WSDLs declare them (PROVENANCE.md), with their headers; the rest by name.
    expect(inferred.inferredOperations!.count - inferred.inferredOperations!.byNameOnly.length).toBe(98);
    expect(inferred.schema.operations.GetStreamingEvents?.soapAction).toMatch(/\/GetEvents$/);
    expect(inferred.schema.operations.FindPeople?.inputHeaders).toEqual(['t:RequestServerVersion', 't:ExchangeImpersonation']);
    expect(inferred.inferredOperations!.byNameOnly).toContain('GetReminders');
    expect(inferred.schema.operations.GetReminders).toMatchObject({ inputHeaders: ['t:RequestServerVersion'], outputHeaders: ['t:ServerVersionInfo'] });
    expect(projects.filter((p) => p.compiled.inferredOperations).map((p) => p.set)).toEqual(['exchange2013-sp1']);
  });

  it('keeps both of each pair of 2016\'s types named alike in types.xsd and messages.xsd, the messages one as …_m', () => {
    const { schema, renamedTypes } = projects.find((p) => p.set === 'exchange2016')!.compiled;
    expect(renamedTypes.map((r) => r.as).sort()).toEqual(['GetUnifiedGroupSenderRestrictionsResponseMessageType_m', 'SetUnifiedGroupSenderRestrictionsRequestType_m']);
    expect(projects.filter((p) => p.compiled.renamedTypes.length > 0).map((p) => p.set)).toEqual(['exchange2016']);
    expect(schema.types.SetUnifiedGroupSenderRestrictionsRequestType?.ns).toBe('t');
    expect(schema.types.SetUnifiedGroupSenderRestrictionsRequestType_m?.ns).toBe('m');
    expect(schema.elements['m:SetUnifiedGroupSenderRestrictions'].type).toBe('SetUnifiedGroupSenderRestrictionsRequestType_m');
  });

  it('type-checks the whole src/ against each set\'s generated SDK', () => {
    expect(typeErrors(projects)).toEqual(Object.fromEntries(SETS.map((set) => [set, []])));
  });

  it('writes and reads back a GetItem request with each set\'s own runtime and descriptors', () => {
    for (const { set, dir } of projects) {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { schema } = require(join(dir, 'generated/schema.ts')) as typeof import('../../generated/schema');
      const { writeElement } = require(join(dir, 'src/runtime/writer.ts')) as typeof import('../../src/runtime/writer');
      const { readElement } = require(join(dir, 'src/runtime/documents.ts')) as typeof import('../../src/runtime/documents');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const request = { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: [{ $el: 'ItemId', Id: `id-${set}` }] };
      const xml = writeElement(schema, 'm:GetItem', request);
      expect(readElement(schema, xml, 'm:GetItem')).toEqual(request);
    }
  });
});
