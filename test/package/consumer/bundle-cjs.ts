// Entry of the CommonJS bundle: libxml2-wasm copied to ./libxml2-wasm beside the bundle.
import * as path from 'node:path';
import { run } from './bundle-app';

run(path.join(__dirname, 'libxml2-wasm', 'index.mjs')).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
