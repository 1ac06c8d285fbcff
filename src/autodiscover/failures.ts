/** Which AttemptFailure a failed request or probe was, from the typed error (or Node's error code). */
import {
  EwsAuthenticationError, EwsConnectionError, EwsEndpointNotFoundError, EwsError, EwsHttpError, EwsMalformedResponseError,
  EwsSoapFaultError, EwsTimeoutError, EwsUnexpectedResponseError, isTlsVerificationCode,
} from '../client/errors';
import { XmlReadError } from '../runtime/errors';
import type { AttemptFailure } from './errors';

/** For an authenticated POST; anything that is not a request failure (a bug) is rethrown. */
export function classify(error: unknown): { failure: AttemptFailure; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof EwsTimeoutError) return { failure: 'timeout', detail };
  if (error instanceof EwsConnectionError) return { failure: connectionFailure(error.code), detail };
  if (error instanceof EwsAuthenticationError) return { failure: 'unauthorized', detail };
  if (error instanceof EwsEndpointNotFoundError) return { failure: 'not-found', detail };
  if (error instanceof EwsHttpError) return { failure: 'http-error', detail };
  if (error instanceof EwsUnexpectedResponseError || error instanceof EwsMalformedResponseError || error instanceof XmlReadError) {
    return { failure: 'invalid-response', detail };
  }
  if (error instanceof EwsSoapFaultError) return { failure: 'server-error', detail };
  if (error instanceof EwsError) return { failure: 'connection', detail };
  throw error;
}

export function classifyNodeError(error: unknown): { failure: AttemptFailure; detail: string } {
  const code = (error as { code?: string }).code ?? 'UNKNOWN';
  const message = error instanceof Error ? error.message : String(error);
  const failure = code === 'ETIMEDOUT' ? 'timeout' : connectionFailure(code);
  return { failure, detail: `${message} (${code})` };
}

function connectionFailure(code: string): AttemptFailure {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return 'dns';
  if (isTlsVerificationCode(code) || /SSL|TLS|EPROTO/.test(code)) return 'tls';
  return 'connection';
}
