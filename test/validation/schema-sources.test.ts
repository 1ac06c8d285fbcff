/**
 * Where the validator takes its schema set and libxml2 from: the set embedded in the package's code by
 * default (what a bundled app relies on), a directory, or documents in memory; libxml2-wasm from
 * node_modules or from the module an app names (a bundle that ships without node_modules).
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { embeddedSchemaSet, findPackageSchemaDir, loadSchemaSet } from '../../src/validation/schema-files';
import { XsdValidator } from '../../src/validation/xsd-validator';

const LIBXML2_ENTRY = require.resolve('libxml2-wasm');
const INT_SCHEMA = [{ fileName: 'validation/ews-validation.xsd', contents: '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="xs:int"/></xs:schema>' }];

describe('the schema set the validator compiles', () => {
  it('embeds in code exactly the files of schemas/ the validator reads from a directory', async () => {
    const embedded = embeddedSchemaSet();
    const fromDisk = await loadSchemaSet(findPackageSchemaDir());
    expect(embedded.map((doc) => doc.fileName).sort()).toEqual(fromDisk.map((doc) => doc.fileName).sort());
    for (const doc of fromDisk) expect([doc.fileName, embedded.find((e) => e.fileName === doc.fileName)?.contents === doc.contents]).toEqual([doc.fileName, true]);
  });

  it('takes a schema set given in memory instead of the EWS set', async () => {
    const validator = await XsdValidator.create({ schemas: INT_SCHEMA });
    try {
      await expect(validator.validateOne('<a>42</a>')).resolves.toEqual(expect.objectContaining({ valid: true }));
      expect((await validator.validateOne('<a>forty-two</a>')).valid).toBe(false);
    } finally {
      await validator.close();
    }
  });

  it('reads the set from a directory when named, and says which directory lacks the entry schema', async () => {
    const validator = await XsdValidator.create({ schemaDir: findPackageSchemaDir() });
    try {
      const getItem = '<m:GetItem xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">'
        + '<m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="A"/></m:ItemIds></m:GetItem>';
      await expect(validator.validateOne(getItem)).resolves.toEqual(expect.objectContaining({ valid: true }));
    } finally {
      await validator.close();
    }
    const empty = mkdtempSync(path.join(tmpdir(), 'no-schemas-'));
    await expect(XsdValidator.create({ schemaDir: empty })).rejects.toThrow(empty);
  });
});

describe('where libxml2-wasm is loaded from', () => {
  it('loads libxml2-wasm from a module named by path or by file: URL', async () => {
    for (const libxml2Module of [LIBXML2_ENTRY, pathToFileURL(LIBXML2_ENTRY), pathToFileURL(LIBXML2_ENTRY).href]) {
      const validator = await XsdValidator.create({ schemas: INT_SCHEMA, libxml2Module });
      try {
        await expect(validator.validateOne('<a>1</a>')).resolves.toEqual(expect.objectContaining({ valid: true }));
      } finally {
        await validator.close();
      }
    }
  });

  it('gives the shared validator the options set before its first use, and refuses to change them once it is in use', async () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'no-libxml2-')), 'index.mjs');
    XsdValidator.setSharedOptions({ libxml2Module: missing });
    await expect(XsdValidator.shared()).rejects.toThrow(/libxml2-wasm did not start[\s\S]*no-libxml2-/);
    // A failed compile is not kept, so the options may still be corrected.
    XsdValidator.setSharedOptions({ libxml2Module: LIBXML2_ENTRY, schemas: INT_SCHEMA });
    const shared = await XsdValidator.shared();
    await expect(shared.validateOne('<a>7</a>')).resolves.toEqual(expect.objectContaining({ valid: true }));
    expect(() => XsdValidator.setSharedOptions({})).toThrow('already in use');
  });
});
