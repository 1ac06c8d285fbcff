/**
 * Validates XML documents against the EWS schemas with libxml2 (npm libxml2-wasm).
 *
 * The schema set is compiled once per validator, in a worker thread that then validates each
 * document in memory (milliseconds for a 100-item CreateItem; bench/RESULTS.md). `XsdValidator.shared()` is the one
 * validator of the default EWS schema set per process, used by the client's `validateRequests` and by
 * the simulator. Strict validation of a request or response means validating the body element as the
 * document root: inside soap:Body every element is only laxly checked, so a misspelt body element
 * would pass.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { LIBXML2_WORKER_SOURCE, type RawIssue, type WorkerSetup } from './libxml2-worker';
import { DEFAULT_ENTRY_SCHEMA, type SchemaDocument, embeddedSchemaSet, loadSchemaSet, withExtra } from './schema-files';
import { readableMessage } from './validation-issue';
import { WorkerChannel } from './worker-channel';

export type { SchemaDocument } from './schema-files';

export interface XsdValidatorOptions {
  /**
   * Directory holding `ews/` and `validation/` to read the schema set from. Default: the EWS schema set
   * embedded in the package's code (the same files as its `schemas/`), which a bundler carries along.
   */
  readonly schemaDir?: string;
  /** The schema set itself, in memory, instead of `schemaDir` or the embedded set. */
  readonly schemas?: readonly SchemaDocument[];
  /**
   * More schema documents, held only in memory, named by path relative to `schemaDir`
   * (`validation/roundtrip.xsd` may import `xml.xsd` and include `../ews/types.xsd`).
   */
  readonly extraSchemas?: readonly SchemaDocument[];
  /** The schema document to compile, relative to `schemaDir`; default `validation/ews-validation.xsd`. */
  readonly entrySchema?: string;
  /**
   * libxml2-wasm's entry module (`lib/index.mjs`), as a path or a `file:` URL. Default: resolved from
   * `node_modules`. A bundled app that ships without `node_modules` copies `node_modules/libxml2-wasm/lib`
   * beside its bundle and names its `index.mjs` here (README, "Bundling"); libxml2's WebAssembly is
   * embedded in those files, so nothing else has to be copied.
   */
  readonly libxml2Module?: string | URL;
}

export interface XmlDocumentInput {
  readonly name: string;
  readonly xml: string;
}

/** One problem libxml2 found in a document. */
export interface XsdIssue {
  /** 1-based line of the document (libxml2 gives the line of the offending element). */
  readonly line: number;
  /** 1-based column where libxml2 knows it (well-formedness errors), else 0. */
  readonly column: number;
  /** libxml2's message, with `{namespace}local` names shortened to the EWS prefixes (`t:Subject`). */
  readonly message: string;
  /** The offending element's path as libxml2 names it, e.g. `/m:CreateItem/m:Items/t:Message[3]/t:Subject`. */
  readonly xpath?: string;
  /** True when the document is not well-formed XML, so the schema was never applied. */
  readonly wellFormedness: boolean;
}

export interface XsdValidationResult {
  readonly name: string;
  readonly valid: boolean;
  /** The issues as text, each starting with `line N:` of the document. */
  readonly errors: string[];
  readonly issues: XsdIssue[];
}

export { XsdSchemaError } from './worker-channel';

export class XsdValidator {
  private static sharedValidator: Promise<XsdValidator> | undefined;
  private static sharedOptions: XsdValidatorOptions = {};

  private constructor(
    private readonly channel: WorkerChannel,
    /** Milliseconds libxml2 took to compile the schema set (in the worker). */
    readonly compileMs: number,
  ) {}

  /**
   * Compiles the schema set in a new worker; resolves once it is compiled (rejects with
   * XsdSchemaError if it does not compile). Call `close()` when done; `shared()` needs no closing.
   */
  static async create(opts: XsdValidatorOptions = {}): Promise<XsdValidator> {
    const entryName = opts.entrySchema ?? DEFAULT_ENTRY_SCHEMA;
    const files = await schemaSetOf(opts);
    if (!files.some((file) => file.fileName === entryName)) {
      throw new Error(`Entry schema ${entryName} is neither in ${opts.schemaDir ?? 'the schema set'} nor among the extra schemas`);
    }
    const setup: WorkerSetup = { libxml2Url: libxml2Url(opts.libxml2Module), files, entryFileName: entryName };
    const worker = new Worker(LIBXML2_WORKER_SOURCE, { eval: true, workerData: setup });
    const channel = new WorkerChannel(worker);
    try {
      return new XsdValidator(channel, await channel.ready);
    } catch (error) {
      await worker.terminate();
      throw error;
    } finally {
      // Compiling kept the process alive (the worker is referenced while it runs); idle, it must not.
      worker.unref();
    }
  }

  /**
   * The options of the shared validator that `validateRequests` and the simulator use (a bundled app
   * names `libxml2Module` here). Call before the first validation: once the shared validator exists,
   * its users hold it, so changing its options then throws.
   */
  static setSharedOptions(options: XsdValidatorOptions): void {
    if (XsdValidator.sharedValidator) throw new Error('XsdValidator.setSharedOptions: the shared validator is already in use; set its options before the first validation');
    XsdValidator.sharedOptions = options;
  }

  /** The process's one validator of the default EWS schema set, compiled on first use and kept. */
  static shared(): Promise<XsdValidator> {
    if (!XsdValidator.sharedValidator) {
      const compiling = XsdValidator.create(XsdValidator.sharedOptions);
      XsdValidator.sharedValidator = compiling;
      // A failed compile is not cached: the next caller tries again.
      compiling.catch(() => { if (XsdValidator.sharedValidator === compiling) XsdValidator.sharedValidator = undefined; });
    }
    return XsdValidator.sharedValidator;
  }

  /** Validates the documents, each on its own; results are in input order. */
  async validate(docs: readonly XmlDocumentInput[]): Promise<XsdValidationResult[]> {
    if (docs.length === 0) return [];
    const raw = await this.channel.send(docs.map((doc) => doc.xml));
    return docs.map((doc, i) => toResult(doc.name, raw[i]));
  }

  async validateOne(xml: string): Promise<{ valid: boolean; errors: string[]; issues: XsdIssue[] }> {
    const [{ valid, errors, issues }] = await this.validate([{ name: 'document', xml }]);
    return { valid, errors, issues };
  }

  /** Stops the worker; later calls reject. */
  async close(): Promise<void> {
    await this.channel.close(new Error('this XsdValidator is closed'));
  }
}

async function schemaSetOf(opts: XsdValidatorOptions): Promise<SchemaDocument[]> {
  const extra = opts.extraSchemas ?? [];
  if (opts.schemas) return withExtra(opts.schemas, extra);
  if (opts.schemaDir !== undefined) return loadSchemaSet(opts.schemaDir, extra);
  return embeddedSchemaSet(extra);
}

/** The file: URL the worker imports libxml2-wasm from (the worker has no package context to resolve it). */
function libxml2Url(module: string | URL | undefined): string {
  if (module !== undefined) return typeof module === 'string' && !module.startsWith('file:') ? pathToFileURL(module).href : String(module);
  try {
    return pathToFileURL(require.resolve('libxml2-wasm')).href;
  } catch (error) {
    throw new Error('libxml2-wasm is not installed beside typed-ews (a bundled app?): copy node_modules/libxml2-wasm/lib beside the bundle '
      + 'and name its index.mjs in XsdValidator.setSharedOptions({ libxml2Module }) or XsdValidator.create({ libxml2Module })', { cause: error });
  }
}

function toResult(name: string, raw: readonly RawIssue[]): XsdValidationResult {
  const issues = raw.map((issue) => ({ ...issue, message: readableMessage(issue.message) }));
  return { name, valid: issues.length === 0, errors: issues.map((issue) => `line ${issue.line}: ${issue.message}`), issues };
}
