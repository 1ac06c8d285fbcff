/**
 * Validates XML documents against the EWS schemas with libxml2 (npm xmllint-wasm).
 *
 * Each run starts a wasm xmllint in a worker and compiles the whole schema set (a few hundred ms),
 * so `validate` checks a whole batch per run (up to MAX_DOCUMENTS_PER_RUN documents). Strict
 * validation of a request or response means validating the body element as the document root:
 * inside soap:Body every element is only laxly checked, so a misspelt body element would pass.
 */
import { memoryPages, validateXML } from 'xmllint-wasm';
import { parseXmllintOutput } from './xmllint-output';
import { DEFAULT_ENTRY_SCHEMA, type SchemaDocument, findPackageSchemaDir, loadSchemaSet } from './schema-files';

export type { SchemaDocument } from './schema-files';

export interface XsdValidatorOptions {
  /** Directory holding `ews/` and `validation/`; default: the package's own `schemas/`. */
  readonly schemaDir?: string;
  /**
   * More schema documents, held only in memory, named by path relative to `schemaDir`
   * (`validation/roundtrip.xsd` may import `xml.xsd` and include `../ews/types.xsd`).
   */
  readonly extraSchemas?: readonly SchemaDocument[];
  /** The schema document to compile, relative to `schemaDir`; default `validation/ews-validation.xsd`. */
  readonly entrySchema?: string;
}

export interface XmlDocumentInput {
  readonly name: string;
  readonly xml: string;
}

export interface XsdValidationResult {
  readonly name: string;
  readonly valid: boolean;
  /** libxml2's messages, each starting with `line N:` of the document. */
  readonly errors: string[];
}

/** The schema set failed to compile; the message is libxml2's. */
export class XsdSchemaError extends Error {
  override readonly name = 'XsdSchemaError';
}

/** xmllint's exit status when the schema does not compile. */
const SCHEMA_COMPILE_FAILED = 5;

/**
 * Documents per libxml2 run. Their file names form xmllint's command line, which lives on the small
 * wasm stack: from about 1,800 names of 18 characters, xmllint-wasm 5.3.0 crashes ("memory access out
 * of bounds") or hangs. Larger batches are split; each run costs one schema compile (~0.3 s).
 */
const MAX_DOCUMENTS_PER_RUN = 1000;

export class XsdValidator {
  private constructor(
    private readonly entry: SchemaDocument,
    private readonly preload: readonly SchemaDocument[],
  ) {}

  /** Reads the schema files once; every later run reuses them. */
  static async create(opts: XsdValidatorOptions = {}): Promise<XsdValidator> {
    const schemaDir = opts.schemaDir ?? findPackageSchemaDir();
    const entryName = opts.entrySchema ?? DEFAULT_ENTRY_SCHEMA;
    const files = await loadSchemaSet(schemaDir, opts.extraSchemas);
    const entry = files.find((file) => file.fileName === entryName);
    if (!entry) throw new Error(`Entry schema ${entryName} is neither in ${schemaDir} nor among the extra schemas`);
    return new XsdValidator(entry, files.filter((file) => file !== entry));
  }

  /** Validates the documents in as few libxml2 runs as possible; results are in input order. */
  async validate(docs: readonly XmlDocumentInput[]): Promise<XsdValidationResult[]> {
    const results: XsdValidationResult[] = [];
    for (let start = 0; start < docs.length; start += MAX_DOCUMENTS_PER_RUN) {
      results.push(...(await this.validateInOneRun(docs.slice(start, start + MAX_DOCUMENTS_PER_RUN))));
    }
    return results;
  }

  async validateOne(xml: string): Promise<{ valid: boolean; errors: string[] }> {
    const [{ valid, errors }] = await this.validate([{ name: 'document', xml }]);
    return { valid, errors };
  }

  private async validateInOneRun(docs: readonly XmlDocumentInput[]): Promise<XsdValidationResult[]> {
    // Our own short file names: any caller name (spaces, colons) maps back without ambiguity.
    const fileNames = docs.map((_, i) => `d${i}.xml`);
    const stderr = await this.runXmllint(docs.map((doc, i) => ({ fileName: fileNames[i], contents: doc.xml })));
    return parseXmllintOutput(stderr, fileNames).map((verdict, i) => ({ name: docs[i].name, ...verdict }));
  }

  private async runXmllint(inputs: SchemaDocument[]): Promise<string> {
    try {
      const result = await validateXML({
        xml: inputs,
        schema: this.entry,
        preload: this.preload,
        // Only a ceiling: the wasm heap grows as needed. Under the default (32 MiB) a 10 MB document fails.
        maxMemoryPages: memoryPages.GiB,
      });
      return result.rawOutput;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === SCHEMA_COMPILE_FAILED) throw new XsdSchemaError((err as Error).message.trim());
      throw new Error(`xmllint-wasm failed (exit status ${String(code)})`, { cause: err });
    }
  }
}
