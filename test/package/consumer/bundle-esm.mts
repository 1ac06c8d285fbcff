// Entry of the ES module bundle (built with the createRequire banner): libxml2-wasm copied to ./libxml2-wasm.
import { run } from './bundle-app.js';

await run(new URL('./libxml2-wasm/index.mjs', import.meta.url));
