/**
 * What `require('typed-ews')` runs (package.json `main` and `exports["."].default`): the values that
 * src/index.ts exports, each module required when one of its exports is first read. src/index.ts
 * stays the typed surface (declarations, API reference, imports inside this repository) and the one
 * list of exports; `npm run codegen` derives generated/lazy-entry.ts from it (codegen/emit/lazy-entry.ts),
 * and this file only re-exports that. A command-line run, a scheduled job or a serverless function
 * calling `client.call` should not load batching, search, notifications, autodiscover, sync, export,
 * validation and NTLM on every start (55–70 ms of CPU per process, more than the client itself;
 * bench/RESULTS.md). test/client/lazy-loading.test.ts checks that its names and values are src/index.ts's.
 */
export * from '../generated/lazy-entry';
