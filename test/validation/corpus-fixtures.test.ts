/**
 * Every EWS doc example copied into test/fixtures/ews-docs/ must still be schema-valid here, with
 * the project's own schemas/ and libxml2 (the corpus was checked with a native xmllint).
 * SOAP faults are not validated: their body is no EWS element, and Exchange's faults do not follow the
 * SOAP 1.1 schema anyway (xml:lang on faultstring; one doc example qualifies faultcode).
 */
import { XsdValidator } from '../../src/validation/xsd-validator';
import { extractBodyElement, listFixtures, loadFixture } from '../support/corpus';

const fixtures = listFixtures();
const faults = fixtures.filter((f) => f.operation === 'Fault');
const ewsFixtures = fixtures.filter((f) => f.operation !== 'Fault');
const requests = listFixtures({ kind: 'request' });
const responses = ewsFixtures.filter((f) => f.kind === 'response');

describe('EWS doc fixtures', () => {
  it(`hold ${requests.length} requests, ${responses.length} responses and ${faults.length} SOAP faults over ${new Set(fixtures.map((f) => f.operation)).size} operations`, () => {
    expect(requests.length).toBeGreaterThan(250);
    expect(responses.length).toBeGreaterThan(200);
    expect(faults.length).toBe(6);
    expect(requests.length + responses.length + faults.length).toBe(fixtures.length);
  });

  it(`validate strictly: all ${ewsFixtures.length} EWS body elements, as the document root, in one libxml2 run`, async () => {
    const validator = await XsdValidator.shared();
    const docs = ewsFixtures.map((f) => ({ name: f.file, xml: extractBodyElement(loadFixture(f)) }));
    const results = await validator.validate(docs);
    const invalid = results.filter((r) => !r.valid).map((r) => ({ name: r.name, errors: r.errors }));
    expect(invalid).toEqual([]);
    expect(results.filter((r) => r.valid).length).toBe(requests.length + responses.length);
  });

  it('have the body element their index entry names', () => {
    for (const fixture of fixtures) {
      const body = extractBodyElement(loadFixture(fixture));
      expect({ file: fixture.file, root: /^<(?:[\w.-]+:)?([\w.-]+)/.exec(body)?.[1] }).toEqual({ file: fixture.file, root: fixture.bodyElement });
    }
  });
});
