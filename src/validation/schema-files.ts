import { existsSync, promises as fs } from 'fs';
import * as path from 'path';

/** One schema document, named by its path relative to the schema directory (`ews/types.xsd`). */
export interface SchemaDocument {
  readonly fileName: string;
  readonly contents: string;
}

/** The compile entry point: a wrapper that supplies xml.xsd, which types.xsd needs but does not locate. */
export const DEFAULT_ENTRY_SCHEMA = 'validation/ews-validation.xsd';

/**
 * Every file the default entry schema reaches, at the same relative paths as in `schemas/`; the
 * generator embeds the same list in generated/schema-documents.ts.
 */
export const VALIDATION_SCHEMA_SET: readonly string[] = [
  DEFAULT_ENTRY_SCHEMA,
  'validation/xml.xsd',
  'validation/soap-envelope.xsd',
  'ews/messages.xsd',
  'ews/types.xsd',
];

/**
 * The package's own `schemas/` directory: the nearest ancestor of this file holding
 * `schemas/ews/types.xsd`, so it is found from `src/validation/` (ts-node, jest) and from
 * `dist/src/validation/` (the published package) alike.
 */
export function findPackageSchemaDir(startDir: string = __dirname): string {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'schemas');
    if (existsSync(path.join(candidate, 'ews', 'types.xsd'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No schemas/ews/types.xsd above ${startDir}`);
  }
}

/** Reads the EWS schema set from `schemaDir`; `extra` documents are added, or replace a file of the same name. */
export async function loadSchemaSet(schemaDir: string, extra: readonly SchemaDocument[] = []): Promise<SchemaDocument[]> {
  const extraNames = new Set(extra.map((doc) => doc.fileName));
  const fromDisk = await Promise.all(
    VALIDATION_SCHEMA_SET.filter((fileName) => !extraNames.has(fileName)).map(async (fileName) => ({
      fileName,
      contents: await fs.readFile(path.join(schemaDir, fileName), 'utf8'),
    })),
  );
  return [...fromDisk, ...extra];
}

/**
 * The schema set embedded in the package's code (generated/schema-documents.ts), loaded on first use:
 * a bundler carries it along, so a bundled app validates without `schemas/` on disk.
 */
export function embeddedSchemaSet(extra: readonly SchemaDocument[] = []): SchemaDocument[] {
  // A plain require: bundlers follow it, and the 700 KB of text is read only by an app that validates.
  const { schemaDocuments } = require('../../generated/schema-documents') as { schemaDocuments: readonly SchemaDocument[] };
  return withExtra(schemaDocuments, extra);
}

/** `documents` with `extra` added, an extra document replacing the one of the same name. */
export function withExtra(documents: readonly SchemaDocument[], extra: readonly SchemaDocument[]): SchemaDocument[] {
  const extraNames = new Set(extra.map((doc) => doc.fileName));
  return [...documents.filter((doc) => !extraNames.has(doc.fileName)), ...extra];
}
