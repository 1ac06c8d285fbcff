import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { pathToFileURL } from 'url';
import { tmpdir } from 'os';
import * as path from 'path';
import { XsdSchemaError, XsdValidationResult, XsdValidator } from '../../src/validation/xsd-validator';
import { findPackageSchemaDir } from '../../src/validation/schema-files';
import { extractBodyElement } from '../support/corpus';

const EXAMPLES = path.join(__dirname, '..', 'fixtures', 'validation-examples');
const readExample = (file: string): string => readFileSync(path.join(EXAMPLES, file), 'utf8');
const examplesIn = (dir: string): string[] => readdirSync(path.join(EXAMPLES, dir)).map((f) => `${dir}/${f}`);

/** What libxml2 must say about each invalid example: the line and a text naming the problem. */
const EXPECTED_ERRORS: Record<string, { line: number; names: string }> = {
  'invalid/CreateItem-bad-DaysOfWeek.xml': { line: 26, names: "The value 'Funday' is not an element of the set" },
  'invalid/FindItem-Restriction-not-a-SearchExpression.xml': { line: 25, names: "FieldURI': This element is not expected" },
  'invalid/FindItem-grouped-missing-GroupIndex.xml': { line: 34, names: 'Expected is ( t:GroupIndex )' },
  'invalid/GetItem-bad-BaseShape.xml': { line: 5, names: "The value 'OnlyIds' is not an element of the set" },
  'invalid/GetItem-bad-FieldURI.xml': { line: 18, names: "The value 'item:Nope' is not an element of the set" },
  'invalid/GetItem-envelope-unknown-version.xml': { line: 6, names: "The value 'Exchange2099' is not an element of the set" },
  'invalid/GetItem-wrong-order.xml': { line: 4, names: "ItemIds': This element is not expected. Expected is ( m:ItemShape )" },
  'invalid/SetUserOofSettings-EmailAddressType-confusion.xml': { line: 5, names: "EmailAddress': This element is not expected" },
  'invalid/SetUserOofSettings-bad-xml-lang.xml': { line: 14, names: "'not a language' is not a valid value" },
};

describe('XsdValidator with the EWS schema set', () => {
  let validator: XsdValidator;
  let results: Map<string, XsdValidationResult>;

  beforeAll(async () => {
    validator = await XsdValidator.shared();
    const files = [...examplesIn('valid'), ...examplesIn('invalid'), ...examplesIn('lax-passes')];
    const docs = files.map((name) => ({ name, xml: readExample(name) }));
    results = new Map((await validator.validate(docs)).map((r) => [r.name, r]));
  });

  it('accepts every valid example, bare body elements and whole envelopes alike', () => {
    const valid = examplesIn('valid');
    expect(valid.length).toBe(7);
    for (const name of valid) expect(results.get(name)).toEqual({ name, valid: true, errors: [], issues: [] });
  });

  it('rejects every invalid example with libxml2 naming the problem, its line and the element path', () => {
    expect(examplesIn('invalid').sort()).toEqual(Object.keys(EXPECTED_ERRORS).sort());
    for (const [name, { line, names }] of Object.entries(EXPECTED_ERRORS)) {
      const result = results.get(name)!;
      expect(result.valid).toBe(false);
      expect(result.errors[0]).toMatch(new RegExp(`^line ${line}: Element '`));
      expect(result.errors[0]).toContain(names);
      expect(result.issues[0]).toEqual(expect.objectContaining({ line, wellFormedness: false, xpath: expect.stringMatching(/^\/[\w:]+/) }));
    }
    expect(results.get('invalid/GetItem-bad-BaseShape.xml')!.issues[0].xpath).toBe('/m:GetItem/m:ItemShape/t:BaseShape');
  });

  it('lets a misspelt body element through in an envelope (soap:Body is lax) but not as the document root', async () => {
    const envelope = readExample('lax-passes/GetItm-typo-in-envelope.xml');
    expect(results.get('lax-passes/GetItm-typo-in-envelope.xml')!.valid).toBe(true);
    const body = await validator.validateOne(extractBodyElement(envelope));
    expect(body.valid).toBe(false);
    expect(body.errors).toEqual([expect.stringContaining("GetItm': No matching global declaration available for the validation root")]);
  });

  it('maps each message of a mixed batch to its own document, whatever the names', async () => {
    const valid = readExample('valid/GetItem-request.xml');
    const wrongOrder = readExample('invalid/GetItem-wrong-order.xml');
    const batch = await validator.validate([
      { name: 'not well-formed: <b>', xml: '<a><b></a>' },
      { name: 'valid one', xml: valid },
      { name: 'empty', xml: '' },
      { name: 'wrong: order.xml:4:', xml: wrongOrder },
      { name: 'valid one', xml: valid },
    ]);
    expect(batch.map((r) => [r.name, r.valid])).toEqual([
      ['not well-formed: <b>', false],
      ['valid one', true],
      ['empty', false],
      ['wrong: order.xml:4:', false],
      ['valid one', true],
    ]);
    // A parser error has a column too, and says the schema was never applied.
    expect(batch[0].errors).toEqual(['line 1: Opening and ending tag mismatch: b line 1 and a']);
    expect(batch[0].issues).toEqual([{ line: 1, column: 11, message: 'Opening and ending tag mismatch: b line 1 and a', wellFormedness: true }]);
    expect(batch[2].errors).toEqual([expect.stringContaining('Document is empty')]);
    expect(batch[3].errors).toEqual([expect.stringMatching(/^line 4: .*ItemIds': This element is not expected/)]);
  });

  it('keeps the order of a 2,500-document batch and of 200 concurrent single validations', async () => {
    const valid = readExample('valid/GetItem-request.xml');
    const docs = Array.from({ length: 2500 }, (_, i) => ({ name: `doc ${i}`, xml: i % 7 === 3 ? '<Nope/>' : valid }));
    const batch = await validator.validate(docs);
    expect(batch.map((r) => r.name)).toEqual(docs.map((d) => d.name));
    expect(batch.map((r) => r.valid)).toEqual(docs.map((_, i) => i % 7 !== 3));
    const concurrent = await Promise.all(docs.slice(0, 200).map((doc) => validator.validateOne(doc.xml)));
    expect(concurrent.map((r) => r.valid)).toEqual(docs.slice(0, 200).map((_, i) => i % 7 !== 3));
  });

  it('validates an 11 MB document', async () => {
    const itemIds = '<t:ItemId Id="AAMkAGI2TG93AAA=" ChangeKey="CQAAABYAAAA="/>'.repeat(200_000);
    const large = readExample('valid/GetItem-request.xml').replace('<m:ItemIds>', `<m:ItemIds>${itemIds}`);
    expect(large.length).toBeGreaterThan(11_000_000);
    await expect(validator.validateOne(large)).resolves.toEqual({ valid: true, errors: [], issues: [] });
  });

  it('returns an empty result for an empty batch', async () => {
    await expect(validator.validate([])).resolves.toEqual([]);
  });
});

describe('XsdValidator schema options', () => {
  it('compiles extra in-memory schema documents next to the EWS files', async () => {
    const validator = await XsdValidator.create({
      entrySchema: 'validation/only-item-id.xsd',
      extraSchemas: [
        {
          fileName: 'validation/only-item-id.xsd',
          contents: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
            <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>
            <xs:import namespace="http://schemas.microsoft.com/exchange/services/2006/types" schemaLocation="../ews/types.xsd"/>
          </xs:schema>`,
        },
      ],
    });
    const header = '<t:RequestServerVersion xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Version="Exchange2016"/>';
    await expect(validator.validateOne(header)).resolves.toEqual({ valid: true, errors: [], issues: [] });
    const getItem = await validator.validateOne(readExample('valid/GetItem-request.xml'));
    expect(getItem.errors).toEqual([expect.stringContaining('No matching global declaration')]);
  });

  it('reports a schema that does not compile as XsdSchemaError with libxml2 message', async () => {
    const attempt = XsdValidator.create({
      entrySchema: 'broken.xsd',
      extraSchemas: [{ fileName: 'broken.xsd', contents: '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="nope"/></xs:schema>' }],
    });
    await expect(attempt).rejects.toBeInstanceOf(XsdSchemaError);
    await expect(attempt).rejects.toThrow("The QName value 'nope' does not resolve to a(n) type definition");
  });

  it('never loads what a schema or a document points to outside the schema set (remote import, external entity)', async () => {
    const secret = path.join(mkdtempSync(path.join(tmpdir(), 'xsd-entity-')), 'number.txt');
    writeFileSync(secret, '42');
    const validator = await XsdValidator.create({
      entrySchema: 'int.xsd',
      extraSchemas: [{
        fileName: 'int.xsd',
        contents: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:import namespace="urn:remote" schemaLocation="http://127.0.0.1:9/remote.xsd"/>
          <xs:element name="a" type="xs:int"/></xs:schema>`,
      }],
    });
    try {
      await expect(validator.validateOne('<a>42</a>')).resolves.toEqual(expect.objectContaining({ valid: true }));
      // Were the entity loaded and substituted, the content would be the valid int 42.
      const withEntity = await validator.validateOne(`<!DOCTYPE a [<!ENTITY x SYSTEM "${pathToFileURL(secret).href}">]><a>&x;</a>`);
      expect(withEntity.valid).toBe(false);
    } finally {
      await validator.close();
    }
  });

  it('shares one compiled validator per process, and a closed validator refuses work', async () => {
    const [first, second] = await Promise.all([XsdValidator.shared(), XsdValidator.shared()]);
    expect(first).toBe(second);
    expect(first.compileMs).toBeGreaterThan(0);
    const own = await XsdValidator.create();
    expect(own).not.toBe(first);
    await own.close();
    await expect(own.validateOne('<a/>')).rejects.toThrow('closed');
    await expect(first.validateOne(readExample('valid/GetItem-request.xml'))).resolves.toEqual(expect.objectContaining({ valid: true }));
  });

  it('refuses an entry schema that exists nowhere', async () => {
    await expect(XsdValidator.create({ entrySchema: 'validation/missing.xsd' })).rejects.toThrow('Entry schema validation/missing.xsd');
  });

  it('finds the package schemas/ directory from any folder below the package root', () => {
    const root = path.resolve(__dirname, '..', '..');
    expect(findPackageSchemaDir(path.join(root, 'src', 'validation'))).toBe(path.join(root, 'schemas'));
    expect(findPackageSchemaDir(path.join(root, 'dist', 'src', 'validation'))).toBe(path.join(root, 'schemas'));
    expect(() => findPackageSchemaDir(mkdtempSync(path.join(tmpdir(), 'no-schemas-')))).toThrow('No schemas/ews/types.xsd above');
  });
});
