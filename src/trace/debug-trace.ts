/**
 * The ecosystem's convention for diagnostics: the `debug` package, switched on by the DEBUG environment
 * variable. `DEBUG=typed-ews:*` prints every request (`typed-ews:request`) and response
 * (`typed-ews:response`, with timings) to stderr, redacted as traced-transport.ts redacts them.
 * `debug` is loaded only when DEBUG is set, so a process without it pays nothing.
 */
import type { TraceErrorEvent, TraceHooks, TraceRequestEvent, TraceResponseEvent } from './traced-transport';

export const TRACE_NAMESPACES = { request: 'typed-ews:request', response: 'typed-ews:response' } as const;

/** Hooks that write through `debug`'s typed-ews namespaces, or undefined when DEBUG enables neither. */
export function debugTrace(options: { readonly maxBodyBytes?: number } = {}): TraceHooks | undefined {
  const debug = require('debug') as typeof import('debug');
  const request = debug(TRACE_NAMESPACES.request);
  const response = debug(TRACE_NAMESPACES.response);
  if (!request.enabled && !response.enabled) return undefined;
  return {
    ...(request.enabled && { onRequest: (event: TraceRequestEvent) => request('%s', formatRequest(event)) }),
    ...(response.enabled && {
      onResponse: (event: TraceResponseEvent) => response('%s', formatResponse(event)),
      onError: (event: TraceErrorEvent) => response('%s', formatError(event)),
    }),
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
  };
}

/** The trace the environment asks for: DEBUG naming typed-ews (see debugTrace), else none. */
export function traceFromEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): TraceHooks | undefined {
  return env.DEBUG ? debugTrace() : undefined;
}

export function formatRequest(event: TraceRequestEvent): string {
  const size = event.envelopeBytes === undefined ? 'streamed' : `${event.envelopeBytes} bytes`;
  return [
    `#${event.id} POST ${event.url}${event.soapAction ? ` SOAPAction ${event.soapAction}` : ''} (${size})`,
    ...headerLines(event.headers),
    event.envelope,
  ].join('\n');
}

export function formatResponse(event: TraceResponseEvent): string {
  const shown = event.truncated ? `first ${Buffer.byteLength(event.envelope)} of ${event.bodyBytes} bytes` : `${event.bodyBytes} bytes`;
  return [
    `#${event.id} ${event.status} from ${event.url}: headers after ${milliseconds(event.timeToHeadersMs)}, body (${shown}) after ${milliseconds(event.timeToEndMs)}`
      + (event.bodyError ? `, broken off: ${event.bodyError}` : ''),
    ...headerLines(event.headers),
    event.envelope,
  ].join('\n');
}

export function formatError(event: TraceErrorEvent): string {
  return `#${event.id} failed after ${milliseconds(event.elapsedMs)} (${event.url}): ${event.error}`;
}

function headerLines(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
}

function milliseconds(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}
