/**
 * node:https (with node:tls and crypto) and node:zlib, each required when first used: they cost 4–5 ms
 * of CPU per process (bench/RESULTS.md, issue 15), which an http: URL never needs and only a compressed
 * answer does. The transport and the proxy routes both reach them here.
 */
import { onFirstUse } from '../schema/on-first-use';

export const https = onFirstUse<typeof import('node:https')>(() => require('node:https'));
export const tls = onFirstUse<typeof import('node:tls')>(() => require('node:tls'));
export const zlib = onFirstUse<typeof import('node:zlib')>(() => require('node:zlib'));
