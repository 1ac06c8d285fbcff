/** Schema directory → the generated files (not yet written). Shared by the CLI and the drift test. */
import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { join, relative, resolve } from 'path';
import { CompiledSchema, compileSchemaDir } from './compile-schema';
import { EmittedFile, emitAll, generatedHeader } from './emit/emit';
import { emitLazyEntry } from './emit/lazy-entry';
import { emitSchemaDocuments } from './emit/schema-documents';
import { loadComparedSets, setDirs } from './versions/schema-sets';
import { computeVersionFacts } from './versions/version-facts';

export const PROJECT_ROOT = resolve(__dirname, '..');

export function generate(schemaDir: string, outDir: string): { compiled: CompiledSchema; files: EmittedFile[] } {
  let compiled!: CompiledSchema;
  const versionSets = loadComparedSets(setDirs(join(PROJECT_ROOT, 'schemas/versions'), [join(PROJECT_ROOT, 'schemas/ews')]), schemaDir, (knownOperations) => {
    compiled = compileSchemaDir(schemaDir, { knownOperations });
    return { schema: compiled.schema, inferredOperations: compiled.inferredOperations !== undefined };
  });
  const schema = { ...compiled.schema, versions: computeVersionFacts(compiled.schema, versionSets) };
  const source = `${relative(PROJECT_ROOT, schemaDir).split('\\').join('/') || '.'} (sha256 ${schemaDigest(schemaDir)})`;
  const runtimeImport = relative(outDir, join(PROJECT_ROOT, 'src/schema')).split('\\').join('/');
  const files = emitAll(schema, { outDir, runtimeImport, source });
  files.push(emitSchemaDocuments(schemaDir, join(PROJECT_ROOT, 'schemas/validation'), outDir, generatedHeader(source)));
  // The package entry of the project generated/ belongs to: its src/index.ts's runtime exports, each
  // loaded on first read (see emit/lazy-entry.ts). A generated/ outside a project gets none.
  const projectRoot = join(outDir, '..');
  if (existsSync(join(projectRoot, 'src/index.ts'))) {
    const entry = emitLazyEntry(join(projectRoot, 'src/index.ts'), projectRoot, outDir, runtimeImport, files);
    files.push({ path: join(outDir, 'lazy-entry.ts'), text: `${generatedHeader('src/index.ts')}${entry.join('\n')}\n` });
  }
  return { compiled: { ...compiled, schema }, files };
}

/** One digest over the three schema files, named in the generated header. */
function schemaDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const name of ['types.xsd', 'messages.xsd', 'services.wsdl']) if (existsSync(join(dir, name))) hash.update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}
