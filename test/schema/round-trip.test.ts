/**
 * Schema round trip over every generated type: a deterministic sample of each named complex type (and
 * of each global element's anonymous type) is written, validated by libxml2 against the official XSD,
 * read back, and compared deep-equal with the sample. Three variants per type rotate choice branches,
 * enumeration values and booleans so that different alternatives are covered.
 */
import { isDeepStrictEqual } from 'util';
import { schema } from '../../generated/schema';
import { readValueAs } from '../../src/runtime/documents';
import { writeValueAs } from '../../src/runtime/writer';
import { createRoundTripValidator, roundTripRoot } from '../support/round-trip-schemas';
import { sampleValue } from '../support/samples';
import { KNOWN_ROUND_TRIP_FAILURES } from './known-failures';

const VARIANTS = [0, 1, 2];

interface Case {
  readonly type: string;
  readonly variant: number;
  readonly sample: unknown;
  readonly xml: string;
}

function cases(): { cases: Case[]; notRootable: string[] } {
  const all: Case[] = [];
  const notRootable: string[] = [];
  for (const type of Object.values(schema.types)) {
    if (type.kind !== 'complex') continue;
    const root = roundTripRoot(schema, type.name);
    if (!root) {
      notRootable.push(type.name);
      continue;
    }
    for (const variant of VARIANTS) {
      const sample = sampleValue(schema, type.name, { variant });
      all.push({ type: type.name, variant, sample, xml: writeValueAs(schema, root, root.type, sample) });
    }
  }
  return { cases: all, notRootable };
}

describe('schema round trip over every generated complex type', () => {
  const { cases: all, notRootable } = cases();
  let verdicts: Map<string, { valid: boolean; errors: string[] }>;

  beforeAll(async () => {
    const validator = await createRoundTripValidator(schema);
    try {
      const results = await validator.validate(all.map((c) => ({ name: `${c.type}#${c.variant}`, xml: c.xml })));
      verdicts = new Map(results.map((r) => [r.name, r]));
    } finally {
      await validator.close();
    }
  });

  it('covers every complex type: as a root, or (anonymous local types) inside its owner', () => {
    const complexCount = Object.values(schema.types).filter((t) => t.kind === 'complex').length;
    expect(new Set(all.map((c) => c.type)).size + notRootable.length).toBe(complexCount);
    expect(notRootable.every((name) => name.includes('_'))).toBe(true);
    console.log(`round trip: ${all.length} samples of ${new Set(all.map((c) => c.type)).size} types; ` +
      `${notRootable.length} anonymous local types covered through their owners`);
  });

  it('writes every sample schema-valid (libxml2, official XSD)', () => {
    const invalid = all.filter((c) => !verdicts.get(`${c.type}#${c.variant}`)!.valid && !KNOWN_ROUND_TRIP_FAILURES[c.type]);
    expect(invalid.map((c) => `${c.type}#${c.variant}: ${verdicts.get(`${c.type}#${c.variant}`)!.errors[0]}`)).toEqual([]);
  });

  it('reads every written sample back deep-equal to the sample', () => {
    const mismatched: string[] = [];
    for (const c of all) {
      const root = roundTripRoot(schema, c.type)!;
      const read = readValueAs(schema, c.xml, root.type);
      if (!isDeepStrictEqual(read, c.sample)) mismatched.push(`${c.type}#${c.variant}`);
    }
    expect(mismatched).toEqual([]);
  });

  it('lists only known failures that still fail (a fixed one must leave the list)', () => {
    const stale = Object.keys(KNOWN_ROUND_TRIP_FAILURES).filter((type) =>
      VARIANTS.every((v) => verdicts.get(`${type}#${v}`)?.valid !== false));
    expect(stale).toEqual([]);
  });
});
