/**
 * Failures a test injects into chosen requests (SimulatorOptions.injectFailure), as Exchange and the
 * network in front of it produce them: refusals before the operation runs (ErrorServerBusy, 429/503
 * with Retry-After), a connection reset after it ran, and an answer cut off partway through.
 */
import type http from 'node:http';
import { buffer } from 'node:stream/consumers';
import { StreamedBody } from '../runtime/binary-source';
import { faultEnvelope } from './soap-fault';

export type InjectedFailure =
  /** SOAP fault ErrorServerBusy with BackOffMilliseconds (HTTP 500); the operation does not run. */
  | { readonly kind: 'serverBusy'; readonly backOffMilliseconds: number }
  /** HTTP 429 or 503 with this Retry-After (seconds, or an HTTP date); the operation does not run. */
  | { readonly kind: 'throttled'; readonly status: 429 | 503; readonly retryAfter?: string }
  /** The operation runs, then the connection is reset instead of answering (outcome unknown). */
  | { readonly kind: 'resetAfterRunning' }
  /** The operation runs and the answer is cut off (connection reset) after its first `afterBytes` bytes. */
  | { readonly kind: 'cutAnswer'; readonly afterBytes: number };

/** The request a failure may be injected into. */
export interface InjectionPoint {
  /** 1 for the first EWS request the simulator received, 2 for the second… */
  readonly number: number;
  /** The operation named by the SOAPAction header (every EWS client sends it), e.g. `FindItem`; '' without one. */
  readonly operation: string;
}

/** Decides, per request, which failure (if any) it meets. */
export type FailureInjector = (request: InjectionPoint) => InjectedFailure | undefined;

/** `"http://schemas.microsoft.com/exchange/services/2006/messages/FindItem"` → `FindItem`. */
export function operationOfSoapAction(soapAction: string | undefined): string {
  return soapAction?.replace(/"/g, '').split('/').pop() ?? '';
}

/** Answers a refusal that comes before the operation runs; false for the other kinds. */
export function refuseBeforeRunning(failure: InjectedFailure, res: http.ServerResponse): boolean {
  if (failure.kind === 'throttled') {
    res.writeHead(failure.status, { 'content-type': 'text/plain; charset=utf-8', ...(failure.retryAfter !== undefined && { 'retry-after': failure.retryAfter }) });
    res.end('Server Busy');
    return true;
  }
  if (failure.kind === 'serverBusy') {
    res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(faultEnvelope({
      responseCode: 'ErrorServerBusy', faultClass: 'Server',
      message: 'The server cannot service this request right now. Try again later.',
      values: { BackOffMilliseconds: failure.backOffMilliseconds },
    }));
    return true;
  }
  return false;
}

/**
 * Sends the first `afterBytes` bytes of a complete answer (announced at its full length), then resets
 * the connection once they are on their way.
 */
export async function cutAnswer(res: http.ServerResponse, status: number, envelope: string | Buffer | StreamedBody, afterBytes: number): Promise<void> {
  const answer = envelope instanceof StreamedBody ? await buffer(envelope.open()) : Buffer.from(envelope);
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', 'content-length': String(answer.length) });
  res.write(answer.subarray(0, Math.min(afterBytes, answer.length)), () => res.socket?.destroy());
}
