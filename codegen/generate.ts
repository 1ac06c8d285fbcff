/** Schema directory → the generated files (not yet written). Shared by the CLI and the drift test. */
import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { join, relative, resolve } from 'path';
import { CompiledSchema, compileSchemaDir } from './compile-schema';
import { EmittedFile, emitAll, generatedHeader } from './emit/emit';
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
  const files = emitAll(schema, {
    outDir,
    runtimeImport: relative(outDir, join(PROJECT_ROOT, 'src/schema')).split('\\').join('/'),
    source,
  });
  files.push(emitSchemaDocuments(schemaDir, join(PROJECT_ROOT, 'schemas/validation'), outDir, generatedHeader(source)));
  return { compiled: { ...compiled, schema }, files };
}

/** One digest over the three schema files, named in the generated header. */
function schemaDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const name of ['types.xsd', 'messages.xsd', 'services.wsdl']) if (existsSync(join(dir, name))) hash.update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}
