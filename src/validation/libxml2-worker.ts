/**
 * The worker thread that holds the compiled schema: libxml2-wasm, loaded once, compiles the schema set
 * once and then validates each document in memory.
 *
 * Why a worker: libxml2-wasm is an ES module with top-level await, which `require` cannot load and
 * which jest's module sandbox cannot `import()` either. A worker thread is a plain Node context where
 * `import()` works, whether this package runs from `src/` (ts-node, jest) or from `dist/`. Its source
 * is a string (run with `eval: true`) so that no second file has to be found or copied at build time.
 * It also keeps validation off the caller's event loop.
 *
 * Security: the only input provider serves the schema documents handed over in memory; any other
 * URL (an `xs:import` of a remote schema, an external entity) fails to open. Documents are parsed with
 * NONET and NO_XXE and without entity substitution.
 */

export interface SchemaFile {
  readonly fileName: string;
  readonly contents: string;
}

export interface WorkerSetup {
  /** file: URL of libxml2-wasm's entry module, resolved by the parent (the worker has no package context). */
  readonly libxml2Url: string;
  readonly files: readonly SchemaFile[];
  readonly entryFileName: string;
}

/** One message of libxml2 about a document: `line` is 1-based; `column` is 0 when libxml2 does not know it. */
export interface RawIssue {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** The path of the offending element as libxml2 names it (`/m:CreateItem/m:Items/t:Message[3]/t:Subject`). */
  readonly xpath?: string;
  /** True for a document that is not well-formed XML (no schema check happened). */
  readonly wellFormedness: boolean;
}

/** The documents as UTF-8 in shared memory (./shared-documents.ts): document i ends at `ends[i]`. */
export type WorkerRequest = { readonly id: number; readonly buffer: SharedArrayBuffer; readonly ends: readonly number[] };

export type WorkerReply =
  | { readonly kind: 'ready'; readonly compileMs: number }
  | { readonly kind: 'schema-error'; readonly message: string }
  | { readonly kind: 'results'; readonly id: number; readonly results: readonly (readonly RawIssue[])[] }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** The base URL the schema files are served under; relative schemaLocations resolve against it. */
export const SCHEMA_URL_BASE = 'typed-ews-schema:/';

export const LIBXML2_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const BASE = ${JSON.stringify(SCHEMA_URL_BASE)};

(async () => {
  const lx = await import(workerData.libxml2Url);
  const files = new Map(workerData.files.map((f) => [BASE + f.fileName, Buffer.from(f.contents, 'utf8')]));
  const open = new Map();
  let nextHandle = 1;
  lx.xmlRegisterInputProvider({
    // Claim every URL so that no other loader is ever asked; unknown ones fail in open().
    match: () => true,
    open: (url) => {
      const bytes = files.get(url);
      if (!bytes) return undefined;
      const handle = nextHandle++;
      open.set(handle, { bytes, position: 0 });
      return handle;
    },
    read: (handle, buffer) => {
      const file = open.get(handle);
      if (!file) return -1;
      const n = Math.min(buffer.byteLength, file.bytes.length - file.position);
      buffer.set(file.bytes.subarray(file.position, file.position + n));
      file.position += n;
      return n;
    },
    close: (handle) => open.delete(handle),
  });
  const P = lx.ParseOption;
  const PARSE = P.XML_PARSE_NONET | P.XML_PARSE_NO_XXE | P.XML_PARSE_BIG_LINES;
  // COMPACT stores short text inline, about 6% less parse time (bench --validation-breakdown); the
  // documents are only validated, never modified, which is all COMPACT asks.
  const PARSE_DOCUMENT = PARSE | P.XML_PARSE_COMPACT;

  const started = performance.now();
  let validator;
  try {
    const entryUrl = BASE + workerData.entryFileName;
    const schemaDoc = lx.XmlDocument.fromBuffer(files.get(entryUrl), { url: entryUrl, option: PARSE });
    validator = lx.XsdValidator.fromDoc(schemaDoc);
  } catch (error) {
    const details = (error && error.details) || [];
    const message = details.length > 0
      ? details.map((d) => (d.file ? d.file.replace(BASE, '') + ':' + d.line + ': ' : '') + d.message.trim()).join('\n')
      : String(error && error.message);
    parentPort.postMessage({ kind: 'schema-error', message });
    return;
  }
  parentPort.postMessage({ kind: 'ready', compileMs: performance.now() - started });

  // libxml2-wasm's classes make a parser context and a validation context for every document and free
  // them after it; libxml2 allows reusing both (xmlCtxtReadMemory resets its context first), which saves
  // about 0.1 ms of the 1.7 ms of a 100-item CreateItem (bench --validation-breakdown). The functions are
  // the package's own wrappers (lib/libxml2.mjs, the module its classes call; the version is pinned).
  const raw = await import(new URL('./libxml2.mjs', workerData.libxml2Url).href);
  const XML_ERR_ERROR = 2;
  const details = [];
  const errorSlot = raw.error.storage.allocate(details);
  const parser = raw.xmlNewParserCtxt();
  raw.xmlCtxtSetErrorHandler(parser, raw.error.errorCollector, errorSlot);
  const validation = raw.xmlSchemaNewValidCtxt(validator._ptr);
  raw.xmlSchemaSetValidStructuredErrors(validation, raw.error.errorCollector, errorSlot);

  const issuesOf = (message, wellFormedness) => {
    if (details.length === 0) return [{ line: 1, column: 0, message, wellFormedness }];
    return details.map((d) => ({ line: d.line, column: d.col, message: d.message.trim(), xpath: d.xpath, wellFormedness }));
  };

  const isBlank = (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
    }
    return true;
  };

  const validateOne = (bytes) => {
    // libxml2-wasm says only "Failed to parse XML" here.
    if (isBlank(bytes)) return [{ line: 1, column: 1, message: 'Document is empty', wellFormedness: true }];
    details.length = 0;
    // From the bytes in shared memory (a string would be encoded in JavaScript, four times slower).
    const doc = raw.xmlReadMemory(parser, bytes, null, null, PARSE_DOCUMENT);
    // Warnings (level 1) still give a document; an error or a missing document is a parse failure.
    if (!doc || details.some((d) => d.level >= XML_ERR_ERROR)) {
      if (doc) raw.xmlFreeDoc(doc);
      return issuesOf('Failed to parse XML', true);
    }
    details.length = 0;
    try {
      const outcome = raw.xmlSchemaValidateDoc(validation, doc);
      if (outcome === 0) return [];
      return issuesOf(outcome < 0 ? 'Invalid input or internal error' : 'Failed to validate', false);
    } finally {
      raw.xmlFreeDoc(doc);
    }
  };

  parentPort.on('message', ({ id, buffer, ends }) => {
    try {
      const results = ends.map((end, i) => {
        const start = i === 0 ? 0 : ends[i - 1];
        return validateOne(new Uint8Array(buffer, start, end - start));
      });
      parentPort.postMessage({ kind: 'results', id, results });
    } catch (error) {
      parentPort.postMessage({ kind: 'failed', id, message: String(error && error.stack || error) });
    }
  });
})().catch((error) => parentPort.postMessage({ kind: 'schema-error', message: 'libxml2-wasm did not start: ' + String(error && error.stack || error) }));
`;
