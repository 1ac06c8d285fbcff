/**
 * What the first call pays for: importing the package loads the modules of what is used (a client,
 * not batching, search, notifications…), neither the descriptors nor an HTTP library, and a call
 * parses only the type descriptors its request and response hold.
 */
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ExchangeClient } from '../../src/client/exchange-client';
import { schema } from '../../generated/schema';
import { parsedTypeNames } from '../../src/schema/type-table';
import { RecordingTransport, soapResponse } from '../support/soap';
import { scaledTimeout } from '../support/pace';
import { startLoopbackServer } from '../support/loopback-server';

const ROOT = path.resolve(__dirname, '..', '..');
const M_NS = 'http://schemas.microsoft.com/exchange/services/2006/messages';

/** Types whose descriptor has been read. */
function parsedTypes(): string[] {
  return parsedTypeNames(schema.types);
}

describe('lazy loading', () => {
  it('the package entry (package.json main) exports exactly the names and values of src/index.ts', () => {
    const main = (require('../../package.json') as { main: string }).main;
    expect(main).toBe('./dist/src/lazy-entry.js');
    const lazy = require('../../src/lazy-entry') as Record<string, unknown>;
    const typed = require('../../src') as Record<string, unknown>;
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(typed).sort());
    expect(Object.keys(typed).filter((name) => lazy[name] !== typed[name])).toEqual([]);
  });

  it('requiring the package entry and constructing a client loads the client, not the other subsystems, the descriptors, the enumeration constants or axios', () => {
    const script = `const { ExchangeClient, basicAuth } = require('./src/lazy-entry.ts');
      new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: basicAuth('user', 'secret') });
      process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded = (JSON.parse(execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[])
      .map((file) => path.relative(ROOT, file));
    expect(loaded).toEqual(expect.arrayContaining([path.join('src', 'client', 'exchange-client.ts'), path.join('src', 'client', 'auth', 'basic.ts')]));
    const unwanted = ['batch', 'search', 'notifications', 'autodiscover', 'sync', 'export', 'content', 'validation'].map((folder) => path.join('src', folder) + path.sep);
    const generated = ['schema', 'types', 'messages'].map((name) => path.join('generated', `${name}.ts`));
    expect(loaded.filter((file) => unwanted.some((folder) => file.startsWith(folder)) || generated.includes(file)
      || file.includes(`${path.sep}ntlm`) || file.includes(path.join('node_modules', 'axios')))).toEqual([]);
  }, scaledTimeout(60));

  it('a call to an http: URL answered uncompressed, with no proxy variable set, loads neither node:https, node:tls, node:zlib nor proxy-from-env', async () => {
    const server = await startLoopbackServer((_request, response) => {
      response.setHeader('Content-Type', 'text/xml; charset=utf-8');
      response.end(soapResponse(`<m:DeleteItemResponse xmlns:m="${M_NS}"><m:ResponseMessages><m:DeleteItemResponseMessage ResponseClass="Success">`
        + '<m:ResponseCode>NoError</m:ResponseCode></m:DeleteItemResponseMessage></m:ResponseMessages></m:DeleteItemResponse>'));
    });
    try {
      const script = `const { ExchangeClient } = require('./src/lazy-entry.ts');
        const ews = new ExchangeClient({ url: ${JSON.stringify(server.url)} });
        ews.call('DeleteItem', { DeleteType: 'HardDelete', ItemIds: [{ $el: 'ItemId', Id: 'AAMk=' }] }).then(({ responseMessages }) => {
          process.stdout.write(JSON.stringify({ codes: responseMessages.map((message) => message.responseCode), builtins: process.moduleLoadList, modules: Object.keys(require.cache) }));
          ews.close();
        });`;
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name)));
      const { stdout } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, encoding: 'utf8', env });
      const { codes, builtins, modules } = JSON.parse(stdout) as { codes: string[]; builtins: string[]; modules: string[] };
      expect(codes).toEqual(['NoError']);
      expect(builtins).toContain('NativeModule http');
      expect(builtins.filter((name) => ['NativeModule https', 'NativeModule tls', 'NativeModule zlib'].includes(name))).toEqual([]);
      expect(modules.filter((file) => file.includes(`${path.sep}proxy-from-env${path.sep}`))).toEqual([]);
    } finally {
      await server.close();
    }
  }, scaledTimeout(60));

  it('a DeleteItem call parses the descriptors of the types it touches, not the whole schema', async () => {
    expect(parsedTypes()).toEqual([]);
    const transport = new RecordingTransport(() => soapResponse(`<m:DeleteItemResponse xmlns:m="${M_NS}"><m:ResponseMessages>`
      + '<m:DeleteItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:DeleteItemResponseMessage>'
      + '</m:ResponseMessages></m:DeleteItemResponse>'));
    const ews = new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport });
    const { responseMessages } = await ews.call('DeleteItem', { DeleteType: 'HardDelete', ItemIds: [{ $el: 'ItemId', Id: 'AAMk=' }] });
    expect(responseMessages.map((message) => message.responseCode)).toEqual(['NoError']);
    const parsed = parsedTypes();
    expect(parsed).toEqual(expect.arrayContaining(['DeleteItemType', 'ItemIdType', 'DeleteItemResponseType']));
    // A few dozen (request, response, SOAP headers, version facts) of the 1,195.
    expect(parsed.length).toBeLessThan(Object.keys(schema.types).length / 10);
  });
});
