import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileSink } from '../../src/content/file-sink';

describe('FileSink', () => {
  let directory: string;
  beforeEach(() => { directory = mkdtempSync(path.join(tmpdir(), 'typed-ews-file-sink-')); });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  test('pieces of many sizes make the whole file, with its length and SHA-256, and no temporary file is left', async () => {
    const content = Buffer.from(Array.from({ length: 1_300_000 }, (_, i) => (i * 131 + 7) & 0xff));
    const sink = new FileSink(path.join(directory, 'item.bin'));
    for (let from = 0; from < content.length;) {
      const length = Math.min(70_001, content.length - from, 1 + (from % 50_000));
      sink.write(Buffer.from(content.subarray(from, from + length)));
      from += length;
      const room = sink.waitForRoom();
      if (room) await room;
    }
    sink.end();
    expect(await sink.done).toEqual({ bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    expect(readFileSync(path.join(directory, 'item.bin')).equals(content)).toBe(true);
    expect(readdirSync(directory)).toEqual(['item.bin']);
  });

  test('asks the writer to wait once a megabyte is not yet written, and lets it go on once it is', async () => {
    const sink = new FileSink(path.join(directory, 'big.bin'), 'caller');
    const piece = Buffer.alloc(64 * 1024, 1);
    let waited = 0;
    for (let i = 0; i < 64; i++) {
      sink.write(piece);
      const room = sink.waitForRoom();
      if (room) {
        waited++;
        await room;
      }
    }
    sink.end();
    expect(waited).toBeGreaterThan(0);
    expect((await sink.done).bytes).toBe(64 * piece.length);
  });

  test('a failed sink leaves no file, whatever it had written', async () => {
    const sink = new FileSink(path.join(directory, 'broken.bin'));
    sink.write(Buffer.alloc(600 * 1024, 2));
    sink.fail(new Error('the response broke off'));
    await expect(sink.done).rejects.toThrow('the response broke off');
    expect(readdirSync(directory)).toEqual([]);
  });
});
