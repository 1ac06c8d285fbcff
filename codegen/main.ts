/**
 * `npm run codegen [-- --schemas DIR] [--out DIR] [--check]`
 *
 * Reads services.wsdl, messages.xsd and types.xsd from DIR (default schemas/ews), writes generated/, and
 * prints what it generated. `--check` writes nothing and exits 1 when generated/ differs (CI's drift check).
 * Point --schemas at the files an on-premises server publishes (/EWS/services.wsdl, messages.xsd,
 * types.xsd) to generate types that match that server's version.
 */
import { existsSync, readFileSync } from 'fs';
import { join, relative, resolve } from 'path';
import type { CompiledSchema } from './compile-schema';
import { writeFiles } from './emit/emit';
import { PROJECT_ROOT as ROOT, generate } from './generate';
import { versionReport } from './versions/report';
import { SchemaError } from './xsd/xml-tree';

function main(argv: string[]): number {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const schemaDir = resolve(arg('--schemas') ?? join(ROOT, 'schemas/ews'));
  const outDir = resolve(arg('--out') ?? join(ROOT, 'generated'));
  const started = Date.now();
  const { compiled, files } = generate(schemaDir, outDir);
  if (argv.includes('--check')) {
    const stale = files.filter((f) => !existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.text);
    for (const f of stale) console.error(`out of date: ${relative(ROOT, f.path)}`);
    if (stale.length) {
      console.error('generated/ differs from what the schemas and codegen/ produce: run `npm run codegen`.');
      return 1;
    }
    console.log(`generated/ is up to date (${files.length} files).`);
    return 0;
  }
  writeFiles(files);
  report(compiled, Date.now() - started, files.length);
  return 0;
}

function report(compiled: CompiledSchema, ms: number, fileCount: number): void {
  const { schema, model, substitutionHeads, inferredOperations, renamedTypes, restoredTypes } = compiled;
  const types = Object.values(schema.types);
  const complex = types.filter((t) => t.kind === 'complex');
  console.log(`typed-ews codegen: ${fileCount} files in ${ms} ms`);
  for (const [file, s] of model.fileStats) {
    console.log(`  ${file}: ${s.namedComplexTypes} complex types, ${s.namedSimpleTypes} simple types ` +
      `(${s.enumerations} enumerations with ${s.enumerationValues} values, ${s.lists} lists, ${s.unions} unions), ` +
      `${s.anonymousTypes} anonymous types, ${s.globalElements} global elements`);
  }
  console.log(`  total: ${types.length} types (${complex.length} complex, ${complex.filter((t) => t.kind === 'complex' && t.wrapper).length} array wrappers), ` +
    `${Object.keys(schema.elements).length} global elements, ${Object.keys(schema.operations).length} operations`);
  if (inferredOperations) {
    console.log(`  operations INFERRED (no services.wsdl): ${inferredOperations.count} from messages.xsd request/response elements, ` +
      `${inferredOperations.count - inferredOperations.byNameOnly.length} as other sets' WSDLs declare them, ` +
      `${inferredOperations.byNameOnly.length} by name only (no WSDL declares them; SOAP headers: only those every operation takes): ${inferredOperations.byNameOnly.join(', ') || 'none'}`);
  }
  for (const { type, as } of renamedTypes) console.log(`  type ${type} renamed ${as}: a type of another namespace has its name`);
  if (restoredTypes) console.log(`  ${restoredTypes.types.length} edited types compiled in the form of ${restoredTypes.from}: ${restoredTypes.types.join(', ')}`);
  console.log(`  substitution groups: ${substitutionHeads.map((h) => `${h.head} (${h.members})`).join(', ')}`);
  if (schema.versions) console.log(versionReport(schema.versions));
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof SchemaError)) throw err;
  console.error(`codegen failed: ${err.message}`);
  process.exitCode = 2;
}
