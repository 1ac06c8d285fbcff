/**
 * The npm package: built declarations and code, the files `npm pack` ships, and the two entry points
 * (`typed-ews`, `typed-ews/simulator`) working from the built output, as a user gets them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaledTimeout } from '../support/pace';

const root = join(__dirname, '../..');
const pkg = require('../../package.json') as {
  exports: Record<string, { types: string; default: string } | string>; bin: Record<string, string>; engines: { node: string };
};
const outDir = mkdtempSync(join(tmpdir(), 'typed-ews-build-'));

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
}, scaledTimeout(1000)); // tsc over the whole package: about 20 s on an idle 2-core machine

describe('the npm package', () => {
  it('declares types and code for every export, a bin and the Node engine', () => {
    expect(pkg.engines.node).toBe('>=20');
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      for (const file of [target.types, target.default]) {
        expect([subpath, existsSync(join(outDir, file.replace('./dist/', '')))]).toEqual([subpath, true]);
      }
    }
    expect(existsSync(join(outDir, pkg.bin['typed-ews-simulator'].replace('./dist/', '')))).toBe(true);
  });

  it('ships the built code, the declarations and the schemas, and no tests, demo or sources', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['schemas/ews/types.xsd', 'schemas/validation/ews-validation.xsd', 'README.md', 'package.json']));
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('codegen/') || f.startsWith('bench/'))).toBe(false);
  });

  it('works from the built output: the simulator answers the client through both entry points', () => {
    const script = join(outDir, 'smoke.js');
    writeFileSync(script, `
      const { ExchangeClient, basicAuth, findItems } = require('./src/index.js');
      const { startSimulator } = require('./src/simulator/index.js');
      (async () => {
        const sim = await startSimulator({ users: [{ username: 'u@contoso.com', password: 'p' }], validateRequests: false });
        const client = new ExchangeClient({ url: sim.url, auth: basicAuth('u@contoso.com', 'p') });
        const found = await findItems(client, 'inbox', { pageSize: 5 });
        console.log(JSON.stringify({ items: found.items.length, version: client.serverVersion.Version }));
        client.close();
        await sim.close();
      })().catch((e) => { console.error(e); process.exit(1); });`);
    const output = execFileSync(process.execPath, [script], { cwd: outDir, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
    expect(JSON.parse(output)).toEqual({ items: 0, version: 'V2017_07_11' });
  });
});
