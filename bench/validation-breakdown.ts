/**
 * `npm run bench -- --validation-breakdown`: where the time of validating the 100-item CreateItem goes.
 * Each phase is timed on its own, interleaved round by round in one process, beside the shipped path
 * (`XsdValidator.validateOne`: encode into shared memory, post to the worker, parse, validate, answer).
 * libxml2-wasm is also loaded in this thread (dynamic `import()`) to time parse and validate without a worker.
 *
 * `npm run bench -- --validation-compare DIR`: the shipped path of this checkout against the one of another
 * checkout DIR (e.g. a `git worktree` of an earlier commit, with node_modules), interleaved in one process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { schema } from '../generated/schema';
import { writeElement } from '../src/runtime/writer';
import { DEFAULT_ENTRY_SCHEMA, findPackageSchemaDir, loadSchemaSet } from '../src/validation/schema-files';
import { XsdValidator } from '../src/validation/xsd-validator';
import { appointments } from './fixtures/workload';
import { createItemRequest } from './requests/typed-ews-requests';
import { median } from './stats';

type Libxml2 = typeof import('libxml2-wasm');
// ts-node compiles this file to CommonJS, which would turn `import()` into `require()` (refused for an ES module).
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Libxml2>;
const log = (line: string): void => { process.stderr.write(`${line}\n`); };
const BASE = 'bench-schema:/';

async function loadLibxml2(): Promise<{ lx: Libxml2; importMs: number; validator: InstanceType<Libxml2['XsdValidator']>; parseOptions: number }> {
  const started = performance.now();
  const lx = await importEsm(require.resolve('libxml2-wasm'));
  const importMs = performance.now() - started;
  const files = new Map((await loadSchemaSet(findPackageSchemaDir())).map((f) => [BASE + f.fileName, Buffer.from(f.contents)]));
  const reading = new Map<number, { bytes: Buffer; at: number }>();
  lx.xmlRegisterInputProvider({
    match: (url) => files.has(url),
    open: (url) => { const handle = reading.size + 1; reading.set(handle, { bytes: files.get(url)!, at: 0 }); return handle; },
    read: (handle, buffer) => {
      const file = reading.get(handle)!;
      const n = Math.min(buffer.byteLength, file.bytes.length - file.at);
      buffer.set(file.bytes.subarray(file.at, file.at + n));
      file.at += n;
      return n;
    },
    close: (handle) => reading.delete(handle),
  });
  const P = lx.ParseOption;
  const parseOptions = P.XML_PARSE_NONET | P.XML_PARSE_NO_XXE | P.XML_PARSE_BIG_LINES;
  const entry = BASE + DEFAULT_ENTRY_SCHEMA;
  const validator = lx.XsdValidator.fromDoc(lx.XmlDocument.fromBuffer(files.get(entry)!, { url: entry, option: parseOptions }));
  return { lx, importMs, validator, parseOptions };
}

/**
 * libxml2-wasm's own wrappers (lib/libxml2.mjs, the module its classes use) for a parser context and a
 * validation context made once and reused, as libxml2 allows (xmlCtxtReadMemory resets the context);
 * the classes make and free both for every document.
 */
async function rawFunctions(validator: InstanceType<Libxml2['XsdValidator']>, options: number) {
  type Raw = Record<string, (...args: unknown[]) => number> & { error: { storage: { allocate(value: unknown[]): number; get(index: number): unknown[] }; errorCollector: number } };
  const raw = await importEsm(path.join(path.dirname(require.resolve('libxml2-wasm')), 'libxml2.mjs')) as unknown as Raw;
  const schemaPointer = (validator as unknown as { _ptr: number })._ptr;
  const errors = raw.error.storage.allocate([]);
  const parser = raw.xmlNewParserCtxt();
  raw.xmlCtxtSetErrorHandler(parser, raw.error.errorCollector, errors);
  const validation = raw.xmlSchemaNewValidCtxt(schemaPointer);
  raw.xmlSchemaSetValidStructuredErrors(validation, raw.error.errorCollector, errors);
  return {
    parse: (input: Uint8Array): number => {
      const doc = raw.xmlReadMemory(parser, input, null, null, options);
      if (!doc) throw new Error('not well-formed');
      return doc;
    },
    /** `doc`: a document pointer, or an XmlDocument (whose `_ptr` it is). */
    validate: (doc: number | object): void => {
      const pointer = typeof doc === 'number' ? doc : (doc as { _ptr: number })._ptr;
      if (raw.xmlSchemaValidateDoc(validation, pointer) !== 0) throw new Error(`invalid: ${JSON.stringify(raw.error.storage.get(errors))}`);
    },
    free: (doc: number): void => { raw.xmlFreeDoc(doc); },
    close: (): void => { raw.xmlFreeParserCtxt(parser); raw.xmlSchemaFreeValidCtxt(validation); },
  };
}

/** A worker that answers at once: the cost of handing a document over, without libxml2. */
function echoWorker(): { roundTrip: (message: unknown) => Promise<void>; close: () => Promise<number> } {
  const worker = new Worker(`require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m.id));`, { eval: true });
  return {
    roundTrip: (message) => new Promise((resolve) => { worker.once('message', () => resolve()); worker.postMessage(message); }),
    close: () => worker.terminate(),
  };
}

export async function runValidationBreakdown(argv: readonly string[]): Promise<void> {
  const rounds = argv.includes('--quick') ? 50 : 500;
  const xml = writeElement(schema, 'm:CreateItem', createItemRequest(appointments(100)));
  const { lx, importMs, validator, parseOptions } = await loadLibxml2();
  const P = lx.ParseOption;
  const shipped = await XsdValidator.shared();
  const echo = echoWorker();
  const encoder = new TextEncoder();
  const shared = new Uint8Array(new SharedArrayBuffer(xml.length * 3));
  const bytes = Buffer.from(xml, 'utf8');
  const parsed = lx.XmlDocument.fromBuffer(bytes, { option: parseOptions });
  const parse = (option: number) => () => { lx.XmlDocument.fromBuffer(bytes, { option }).dispose(); };
  const raw = await rawFunctions(validator, parseOptions | P.XML_PARSE_COMPACT);
  // The worker parses with COMPACT too (src/validation/libxml2-worker.ts); the first parse row is without it.
  const phases: Record<string, () => unknown> = {
    'shipped: XsdValidator.validateOne (worker, shared-memory bytes)': () => shipped.validateOne(xml),
    'hand-over: post the string to a worker and back (the former protocol)': () => echo.roundTrip({ id: 1, docs: [xml] }),
    'hand-over: encodeInto shared memory, post offsets and back (the present one)': () => { const { written } = encoder.encodeInto(xml, shared); return echo.roundTrip({ id: 1, buffer: shared.buffer, ends: [written] }); },
    'encode: Buffer.from(xml, "utf8") (the former worker step)': () => Buffer.from(xml, 'utf8'),
    'encode: TextEncoder.encodeInto a pooled buffer': () => encoder.encodeInto(xml, shared),
    'parse to a libxml2 DOM and free it (NONET, NO_XXE, BIG_LINES)': parse(parseOptions),
    'parse, + XML_PARSE_COMPACT': parse(parseOptions | P.XML_PARSE_COMPACT),
    'parse, + XML_PARSE_NOBLANKS': parse(parseOptions | P.XML_PARSE_NOBLANKS),
    'parse, + XML_PARSE_NODICT': parse(parseOptions | P.XML_PARSE_NODICT),
    'parse, + XML_PARSE_COMPACT + XML_PARSE_NOBLANKS': parse(parseOptions | P.XML_PARSE_COMPACT | P.XML_PARSE_NOBLANKS),
    'parse (COMPACT) with one reused parser context (xmlCtxtReadMemory)': () => raw.free(raw.parse(bytes)),
    'validate the parsed DOM (xmlSchemaValidateDoc)': () => validator.validate(parsed),
    'validate the parsed DOM with one reused validation context': () => raw.validate(parsed),
    'in this thread, reused contexts: encodeInto + parse (COMPACT) + validate + free': () => {
      const { written } = encoder.encodeInto(xml, shared);
      const doc = raw.parse(shared.subarray(0, written));
      try { raw.validate(doc); } finally { raw.free(doc); }
    },
    'in this thread, no worker: encodeInto + parse (COMPACT) + validate + free': () => {
      const { written } = encoder.encodeInto(xml, shared);
      const doc = lx.XmlDocument.fromBuffer(shared.subarray(0, written), { option: parseOptions | P.XML_PARSE_COMPACT });
      try { validator.validate(doc); } finally { doc.dispose(); }
    },
  };
  const times = Object.fromEntries(Object.keys(phases).map((name) => [name, [] as number[]]));
  for (const phase of Object.values(phases)) for (let i = 0; i < 20; i++) await phase(); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, phase] of Object.entries(phases)) {
      const start = performance.now();
      await phase();
      times[name].push(performance.now() - start);
    }
  }
  parsed.dispose();
  raw.close();
  await echo.close();
  const shippedMedian = median(times[Object.keys(phases)[0]]);
  const lines = [
    `Command: \`npm run bench -- ${argv.join(' ')}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores; `
      + `libxml2-wasm ${JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('libxml2-wasm')), '..', 'package.json'), 'utf8')).version}, its \`import()\` ${importMs.toFixed(0)} ms. `
      + `Document: the 100-item CreateItem, ${xml.length} characters, ${bytes.length} bytes of UTF-8. Medians of ${rounds} rounds, phases interleaved.`,
    '',
    '| phase | median | × shipped |',
    '| --- | ---: | ---: |',
    ...Object.entries(times).map(([name, t]) => `| ${name} | ${median(t).toFixed(3)} ms | ${(median(t) / shippedMedian).toFixed(2)} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  log('validation breakdown done');
}

export async function runValidationComparison(argv: readonly string[]): Promise<void> {
  const otherDir = path.resolve(argv[argv.indexOf('--validation-compare') + 1] ?? '');
  const rounds = argv.includes('--quick') ? 100 : 1000;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const other = require(path.join(otherDir, 'src/validation/xsd-validator')) as typeof import('../src/validation/xsd-validator');
  const xml = writeElement(schema, 'm:CreateItem', createItemRequest(appointments(100)));
  const validators = { other: await other.XsdValidator.create(), this: await XsdValidator.create() };
  const times = { other: [] as number[], this: [] as number[] };
  for (let round = -30; round < rounds; round++) {
    const order = round % 2 === 0 ? (['this', 'other'] as const) : (['other', 'this'] as const);
    for (const name of order) {
      const start = performance.now();
      const result = await validators[name].validateOne(xml);
      if (round >= 0) times[name].push(performance.now() - start);
      if (!result.valid) throw new Error(`${name}: the CreateItem is invalid: ${result.errors[0]}`);
    }
  }
  await Promise.all([validators.other.close(), validators.this.close()]);
  process.stdout.write(`validating the 100-item CreateItem, medians of ${rounds} interleaved: ${otherDir} ${median(times.other).toFixed(3)} ms, `
    + `this checkout ${median(times.this).toFixed(3)} ms, ratio ${(median(times.this) / median(times.other)).toFixed(2)}; load average ${os.loadavg()[0].toFixed(1)}\n`);
}
