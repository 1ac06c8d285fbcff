/**
 * Unique bytes derived from a seed and a running counter. Every GUID, message id and UID the simulator
 * invents comes from here, so a state built from the same seed produces the same ids run after run,
 * and a restored state continues the sequence instead of repeating it.
 */
import { createHash, randomBytes } from 'node:crypto';

export class SerialSource {
  constructor(
    readonly seed: string = randomBytes(12).toString('hex'),
    private counter = 0,
  ) {}

  /** How many values were drawn; persisted so a restored state does not reissue them. */
  get position(): number {
    return this.counter;
  }

  /** 32 fresh bytes (SHA-256 of seed and counter). */
  bytes(): Buffer {
    return createHash('sha256').update(`${this.seed}:${this.counter++}`).digest();
  }

  /** A GUID in the registry format Exchange uses (`0a1b2c3d-...`). */
  guid(): string {
    return formatGuid(this.bytes().subarray(0, 16));
  }

  hex(length: number): string {
    return this.bytes().toString('hex').slice(0, length).toUpperCase();
  }
}

export function formatGuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function guidBytes(guid: string): Buffer {
  return Buffer.from(guid.replace(/-/g, ''), 'hex');
}
