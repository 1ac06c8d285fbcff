/**
 * Reader speed against its floor, bare saxes counting elements, on a 10,000-item FindItem response.
 * Each case runs in its own process: parsers with different handler sets in one process would make
 * saxes' code polymorphic and slow down whichever case runs second.
 *
 * Run: npx ts-node --transpile-only test/runtime/bench/reader-bench.ts
 */
import { execFileSync } from 'node:child_process';
import { SaxesParser } from 'saxes';
import { readEnvelope } from '../../../src/runtime';
import { miniSchema } from '../fixtures/mini-schema';
import { findItemResponseXml } from './find-item-response';
import { medianMs } from './median';

interface Case {
  /** Untimed: turns the document into this case's input. */
  readonly prepare: (xml: string) => unknown;
  readonly run: (input: never) => unknown;
}

const FLOOR = 'bare saxes (no namespace processing, counting opentag)';
const CASES: Record<string, Case> = {
  [FLOOR]: {
    prepare: (xml) => xml,
    run: (xml: string) => {
      let elements = 0;
      const parser = new SaxesParser();
      parser.on('opentag', () => { elements++; });
      parser.write(xml).close();
      return elements;
    },
  },
  'bare saxes (xmlns: true, counting opentag)': {
    prepare: (xml) => xml,
    run: (xml: string) => {
      let elements = 0;
      const parser = new SaxesParser({ xmlns: true });
      parser.on('opentag', () => { elements++; });
      parser.write(xml).close();
      return elements;
    },
  },
  // The floor for anything that materialises the items: no schema, no checks, every element kept.
  'minimal tree builder (no schema, keeps every element)': {
    prepare: (xml) => xml,
    run: (xml: string) => {
      const parser = new SaxesParser({ xmlns: true });
      const stack: Record<string, unknown>[] = [{}];
      let text = '';
      parser.on('opentag', () => { stack.push({}); text = ''; });
      parser.on('text', (chunk) => { text += chunk; });
      parser.on('closetag', (tag) => {
        const value = text || stack.pop()!;
        if (text) stack.pop();
        const parent = stack[stack.length - 1];
        const existing = parent[tag.local!];
        if (existing === undefined) parent[tag.local!] = value;
        else if (Array.isArray(existing)) existing.push(value);
        else parent[tag.local!] = [existing, value];
        text = '';
      });
      parser.write(xml).close();
      return stack[0];
    },
  },
  'readEnvelope, one string': { prepare: (xml) => xml, run: (xml: string) => readEnvelope(miniSchema, xml) },
  'readEnvelope, 64 KiB Buffer chunks (UTF-8 decoding included)': {
    prepare: (xml) => {
      const bytes = Buffer.from(xml, 'utf8');
      const chunks: Buffer[] = [];
      for (let offset = 0; offset < bytes.length; offset += 65536) chunks.push(bytes.subarray(offset, offset + 65536));
      return chunks;
    },
    run: (chunks: Buffer[]) => readEnvelope(miniSchema, chunks),
  },
};

const [, script, caseName] = process.argv;
if (caseName !== undefined) {
  const benchCase = CASES[caseName];
  const input = benchCase.prepare(findItemResponseXml(10_000)) as never;
  console.log(medianMs(() => benchCase.run(input), 15, 5));
} else {
  const xml = findItemResponseXml(10_000);
  console.log(`document: ${(Buffer.byteLength(xml) / 1e6).toFixed(1)} MB, ${CASES[FLOOR].run(xml as never)} elements`);
  const results = new Map<string, number[]>(Object.keys(CASES).map((name) => [name, []]));
  for (let round = 0; round < 3; round++) {
    for (const name of Object.keys(CASES)) {
      const output = execFileSync(process.execPath, [...process.execArgv, script, name], { encoding: 'utf8' });
      results.get(name)!.push(Number(output.trim()));
    }
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const floor = median(results.get(FLOOR)!);
  for (const [name, values] of results) {
    console.log(`${name.padEnd(62)} ${median(values).toFixed(1).padStart(7)} ms  ${(median(values) / floor).toFixed(2)}x`);
  }
}
