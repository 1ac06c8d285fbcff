export { tracedTransport } from './traced-transport';
export type { TraceErrorEvent, TraceHooks, TraceRequestEvent, TraceResponseEvent } from './traced-transport';
export { debugTrace, traceFromEnvironment, TRACE_NAMESPACES } from './debug-trace';
