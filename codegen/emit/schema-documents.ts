/**
 * generated/schema-documents.ts: the text of every schema document the validator compiles, embedded in
 * code so that a bundled app (esbuild, webpack) carries them along and validates without `schemas/` on
 * disk. The EWS documents come from the set being generated, the validation wrapper from schemas/validation.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { VALIDATION_SCHEMA_SET } from '../../src/validation/schema-files';
import type { EmittedFile } from './emit';

export function emitSchemaDocuments(ewsDir: string, validationDir: string, outDir: string, header: string): EmittedFile {
  const documents = VALIDATION_SCHEMA_SET.map((fileName) => {
    const [folder, name] = fileName.split('/');
    const contents = readFileSync(join(folder === 'ews' ? ewsDir : validationDir, name), 'utf8');
    return `  { fileName: ${JSON.stringify(fileName)}, contents: ${JSON.stringify(contents)} },`;
  });
  return {
    path: join(outDir, 'schema-documents.ts'),
    text: [
      header.trimEnd(),
      '/** The schema documents `XsdValidator` compiles by default, named by path relative to schemas/. */',
      'export const schemaDocuments: readonly { readonly fileName: string; readonly contents: string }[] = [',
      ...documents,
      '];',
      '',
    ].join('\n'),
  };
}
