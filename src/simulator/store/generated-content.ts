/**
 * Attachment content the simulator makes up instead of storing: deterministic bytes from a seed and a
 * size, produced a block at a time whenever they are read. A mailbox of 100,000 items with 10,000 5 MB
 * attachments then costs a few bytes per attachment in memory (and in a saved state), and every read of
 * one attachment gives the same bytes.
 */
import type { BinarySource } from '../../runtime/binary-source';

export interface GeneratedContentSpec {
  readonly seed: number;
  readonly size: number;
}

const BLOCK_BYTES = 64 * 1024;

/** The content as a source the writer encodes while it sends the answer. */
export function generatedContent(spec: GeneratedContentSpec): BinarySource {
  return { size: spec.size, open: () => blocks(spec) };
}

function* blocks(spec: GeneratedContentSpec): Generator<Buffer, void, undefined> {
  for (let offset = 0, index = 0; offset < spec.size; offset += BLOCK_BYTES, index++) {
    yield block(spec.seed, index, Math.min(BLOCK_BYTES, spec.size - offset));
  }
}

/** xorshift32 seeded by (seed, block index): cheap, and each block can be made on its own. */
function block(seed: number, index: number, length: number): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4));
  let x = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x;
  }
  return Buffer.from(words.buffer, 0, length);
}
