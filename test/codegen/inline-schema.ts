/** Compiles small inline schemas for generator tests (written to a temp dir, since the loader reads files). */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CompiledSchema, compileSchemaFiles } from '../../codegen/compile-schema';

export const T_NS = 'urn:test:types';
export const M_NS = 'urn:test:messages';

/** A types schema (prefix t) with `body` as its content. */
export function typesXsd(body: string): string {
  return `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="${T_NS}" targetNamespace="${T_NS}" elementFormDefault="qualified">
${body}
</xs:schema>`;
}

/** Writes files into a fresh directory and compiles the first one as the entry point. */
export function compileInline(files: Record<string, string>): CompiledSchema {
  const dir = mkdtempSync(join(tmpdir(), 'typed-ews-codegen-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return compileSchemaFiles([join(dir, Object.keys(files)[0])]);
}

export function compileTypes(body: string): CompiledSchema {
  return compileInline({ 'types.xsd': typesXsd(body) });
}
