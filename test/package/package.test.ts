/**
 * The npm package as a user gets it: `npm pack`ed (prepack build included), unpacked into consumer
 * projects that compile under each TypeScript module resolution and run as CommonJS and as an ES module,
 * and bundled by esbuild into an app that validates its requests with no package files on disk.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { scaledTimeout } from '../support/pace';
import { compileConsumer, consumerProject, packInStagingCopy, type PackedPackage } from './packed';

const pkg = require('../../package.json') as {
  exports: Record<string, { types: string; default: string } | string>; typesVersions: Record<string, Record<string, string[]>>;
  bin: Record<string, string>; engines: { node: string };
};

let packed: PackedPackage;
let consumer: string;
/** Temporary folders to remove at the end. */
const temporary: string[] = [];

beforeAll(() => {
  packed = packInStagingCopy();
  consumer = consumerProject(packed.tarball);
  temporary.push(packed.staging, consumer);
}, scaledTimeout(1500)); // the prepack build (tsc over the package) is most of it: about 25 s on an idle 2-core machine

/** Runs a built consumer with no NODE_PATH, so only what its own node_modules holds is found. */
function runNode(script: string): unknown {
  const { NODE_PATH: _ignored, ...env } = process.env;
  return JSON.parse(execFileSync(process.execPath, [script], { cwd: dirname(script), encoding: 'utf8', env }));
}

const simulatorAnswer = { subject: 'typed', items: 0, version: 'V2017_07_11' };

describe('the packed tarball', () => {
  it('holds the types and code of every export, the typesVersions targets, the bins; Node 20 or newer', () => {
    expect(pkg.engines.node).toBe('>=20');
    const targets = [
      ...Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : [target.types, target.default])),
      ...Object.values(pkg.typesVersions['*']).flat(),
      ...Object.values(pkg.bin),
    ];
    for (const target of targets) expect([target, packed.files.includes(target.replace(/^\.\//, ''))]).toEqual([target, true]);
  });

  it('gives every subpath of exports a typesVersions entry, for resolvers that ignore exports (node10)', () => {
    const subpaths = Object.keys(pkg.exports).filter((subpath) => subpath !== '.' && !subpath.endsWith('.json')).map((subpath) => subpath.slice(2));
    expect(Object.keys(pkg.typesVersions['*']).sort()).toEqual(subpaths.sort());
  });

  it('ships source maps and declaration maps whose sources are in the tarball too', () => {
    const maps = packed.files.filter((file) => file.endsWith('.map'));
    expect(maps).toEqual(expect.arrayContaining(['dist/src/index.js.map', 'dist/src/index.d.ts.map', 'dist/generated/types.d.ts.map']));
    const packageDir = join(consumer, 'node_modules/typed-ews');
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(join(packageDir, map), 'utf8')) as { sources: string[] };
      for (const source of sources) expect([map, packed.files.includes(join(dirname(map), source))]).toEqual([map, true]);
    }
    for (const built of packed.files.filter((file) => /\.(js|d\.ts)$/.test(file) && file.startsWith('dist/'))) {
      expect([built, packed.files.includes(`${built}.map`)]).toEqual([built, true]);
    }
  });

  it('ships LICENSE, CHANGELOG, README and the schemas, and no tests, demo, bench, codegen or historical schema sets', () => {
    expect(packed.files).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md', 'README.md', 'package.json', 'schemas/ews/types.xsd', 'schemas/validation/ews-validation.xsd']));
    const unwanted = packed.files.filter((file) => /^(test|bench|codegen|examples|src\/demo|dist\/src\/demo|schemas\/versions)\//.test(file));
    expect(unwanted).toEqual([]);
  });
});

describe('a consumer project with the tarball installed', () => {
  it('node10 (module commonjs): compiles, typed-ews/simulator found through typesVersions, and runs as CommonJS', () => {
    compileConsumer(consumer, 'tsconfig.node10.json');
    expect(runNode(join(consumer, 'out-node10/cjs.js'))).toEqual({ module: 'cjs', ...simulatorAnswer });
  });

  it('nodenext: a CommonJS and an ES module consumer compile, and the ES module runs', () => {
    compileConsumer(consumer, 'tsconfig.nodenext.json');
    expect(runNode(join(consumer, 'out-nodenext/esm.mjs'))).toEqual({ module: 'esm', ...simulatorAnswer });
  });

  it('node16: a CommonJS and an ES module consumer compile (declarations checked under node10 and nodenext only)', () => {
    expect(() => compileConsumer(consumer, 'tsconfig.node16.json')).not.toThrow();
  });

  it('bundler: the ES module consumer and the bundled app compile', () => {
    expect(() => compileConsumer(consumer, 'tsconfig.bundler.json')).not.toThrow();
  });
});

describe('an app bundled by esbuild, run where typed-ews is not installed', () => {
  const refusal = ["Items[0].Start: '2026-02-30T09:00:00Z' is not a valid value of the atomic type 'xs:dateTime'."];

  /** A deployment folder outside any node_modules: the bundle and the documented copy of libxml2-wasm's lib/. */
  async function deploy(entry: string, format: 'cjs' | 'esm', outfile: string, copyLibxml2 = true): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'typed-ews-bundle-'));
    temporary.push(dir);
    const result = await build({
      entryPoints: [join(consumer, entry)], outfile: join(dir, outfile), absWorkingDir: consumer,
      bundle: true, platform: 'node', target: 'node20', format, logLevel: 'silent',
      // An ES module bundle of CommonJS code needs `require` (for node: built-ins and require.resolve).
      banner: format === 'esm' ? { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } : undefined,
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => warning.text)).toEqual([]);
    if (copyLibxml2) cpSync(join(consumer, 'node_modules/libxml2-wasm/lib'), join(dir, 'libxml2-wasm'), { recursive: true });
    return join(dir, outfile);
  }

  it('CommonJS bundle: the schemas travel in the bundle and libxml2-wasm is found where it was copied', async () => {
    const app = await deploy('bundle-cjs.ts', 'cjs', 'app.cjs');
    expect(existsSync(join(dirname(app), 'node_modules'))).toBe(false);
    expect(runNode(app)).toEqual({ created: ['Success'], refused: refusal });
  });

  it('ES module bundle with the createRequire banner validates the same way', async () => {
    const app = await deploy('bundle-esm.mts', 'esm', 'app.mjs');
    expect(runNode(app)).toEqual({ created: ['Success'], refused: refusal });
  });

  it('without the copy of libxml2-wasm, the app fails saying that libxml2-wasm did not start', async () => {
    const app = await deploy('bundle-cjs.ts', 'cjs', 'app.cjs', false);
    const { NODE_PATH: _ignored, ...env } = process.env;
    let failure = '';
    try {
      execFileSync(process.execPath, [app], { cwd: dirname(app), encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      failure = String((error as { stderr: string }).stderr);
    }
    expect(failure).toContain('libxml2-wasm did not start');
  });
});

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
