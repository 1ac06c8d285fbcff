/**
 * `npx ts-node --transpile-only bench/entry-iteration.ts`: the cost of handing 10,000 entries to a
 * `for await` loop, alone: an async generator yielding each entry of an 8 KB slice (what
 * ExchangeClient.readEntries was) against EntryStream (src/client/entry-stream.ts) over the same fake
 * body and reader, in alternating blocks in one process; CPU time.
 */
import { EntryStream } from '../src/client/entry-stream';
import { median } from './stats';
import { cpuMsSince } from './cpu-clock';

const ENTRIES = 10_000;
/** About the response messages of a DeleteItem in one 8 KB slice. */
const PER_SLICE = 45;
const SLICE = Buffer.alloc(8192);

function body(): AsyncIterable<Buffer> {
  let slices = Math.ceil(ENTRIES / PER_SLICE);
  return {
    [Symbol.asyncIterator]: () => ({
      next: async () => (slices-- > 0 ? { done: false, value: SLICE } : { done: true, value: undefined }),
      return: async () => ({ done: true, value: undefined }),
    }),
  };
}

function viaEntryStream(): AsyncGenerator<{ n: number }, string, undefined> {
  let made = 0;
  return new EntryStream<{ n: number }, string>({}, {
    sliceBytes: SLICE.length, retries: false, scrub: (error) => error, afterFailure: (error) => Promise.reject(error),
    open: async (_request, push) => ({
      body: body(),
      write: () => { for (let k = 0; k < PER_SLICE && made < ENTRIES; k++) push({ n: made++ }); },
      failed: (error) => ({ error, entriesStand: true }),
      end: () => undefined,
      result: () => 'done',
    }),
  });
}

async function* viaGenerator(): AsyncGenerator<{ n: number }, string, undefined> {
  let made = 0;
  const ready: { n: number }[] = [];
  for await (const _slice of body()) {
    for (let k = 0; k < PER_SLICE && made < ENTRIES; k++) ready.push({ n: made++ });
    for (let i = 0; i < ready.length; i++) yield ready[i];
    ready.length = 0;
  }
  return 'done';
}

async function consume(make: () => AsyncGenerator<{ n: number }, string, undefined>): Promise<number> {
  let odd = 0;
  for await (const entry of make()) odd += entry.n & 1;
  return odd;
}

async function main(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await consume(viaEntryStream);
    await consume(viaGenerator);
  }
  const cpu = { generator: [] as number[], entryStream: [] as number[] };
  for (let block = 0; block < 40; block++) {
    const order = block % 2 === 0 ? (['generator', 'entryStream'] as const) : (['entryStream', 'generator'] as const);
    for (const kind of order) {
      const started = process.cpuUsage();
      for (let i = 0; i < 20; i++) await consume(kind === 'generator' ? viaGenerator : viaEntryStream);
      cpu[kind].push(cpuMsSince(started) / 20);
    }
  }
  process.stdout.write(`${ENTRIES.toLocaleString('en-US')} entries through for await, CPU ms per pass (median of 40 blocks of 20): `
    + `async generator ${median(cpu.generator).toFixed(2)}, EntryStream ${median(cpu.entryStream).toFixed(2)}\n`);
}

void main();
