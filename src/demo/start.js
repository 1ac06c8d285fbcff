// `npm run demo` starts here, in plain JavaScript, so that its first line appears at once, before
// ts-node and TypeScript (several seconds on a busy machine) are loaded to run main.ts.
'use strict';
console.log('typed-ews demo: loading the SDK with ts-node (seed code: src/demo/seeds.ts and src/demo/run-demo.ts)…');
require('ts-node').register({ transpileOnly: true });
require('./main.ts');
