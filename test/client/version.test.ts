import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SDK_VERSION } from '../../src/client/version';

it('SDK_VERSION (sent in User-Agent) equals the version in package.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
  expect(SDK_VERSION).toBe(manifest.version);
});
