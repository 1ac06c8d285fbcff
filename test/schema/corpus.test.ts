/**
 * Real Exchange XML: every schema-valid request and response body from Microsoft's EWS documentation
 * (test/fixtures/ews-docs) is read with the streaming reader and written back with the writer; the
 * re-written body must be schema-valid and equal to the original after canonicalisation (namespace
 * prefixes, attribute order and insignificant whitespace aside).
 */
import { schema } from '../../generated/schema';
import { readElement } from '../../src/runtime/documents';
import { writeElement } from '../../src/runtime/writer';
import { XsdValidator } from '../../src/validation/xsd-validator';
import { canonicalize } from '../support/canonical';
import { extractBodyElement, listFixtures, loadFixture } from '../support/corpus';

const bodies = listFixtures()
  .filter((f) => f.operation !== 'Fault') // SOAP faults are read by the envelope reader (client tests)
  .map((fixture) => {
    const original = extractBodyElement(loadFixture(fixture));
    const key = `m:${fixture.bodyElement}`;
    const value = readElement(schema, original, key);
    return { file: fixture.file, kind: fixture.kind, original, rewritten: writeElement(schema, key, value) };
  });

describe('real Exchange XML from the EWS documentation', () => {
  it('reads and re-writes every request and response body', () => {
    const requests = bodies.filter((b) => b.kind === 'request').length;
    console.log(`corpus: ${bodies.length} bodies (${requests} requests, ${bodies.length - requests} responses) read and re-written`);
    expect(bodies.length).toBeGreaterThanOrEqual(485);
  });

  it('re-writes every body schema-valid', async () => {
    const validator = await XsdValidator.shared();
    const results = await validator.validate(bodies.map((b) => ({ name: b.file, xml: b.rewritten })));
    expect(results.filter((r) => !r.valid).map((r) => `${r.name}: ${r.errors[0]}`)).toEqual([]);
  });

  it('re-writes every body equal to the original after canonicalisation', () => {
    const different = bodies.filter((b) => canonicalize(b.rewritten) !== canonicalize(b.original));
    if (different.length) expect(canonicalize(different[0].rewritten)).toBe(canonicalize(different[0].original));
    expect(different.map((b) => b.file)).toEqual([]);
  });
});
