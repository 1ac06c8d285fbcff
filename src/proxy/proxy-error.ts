/**
 * The proxy, not the Exchange server, refused or failed: it asked for credentials (407), refused the
 * tunnel, could not be reached, or would break NTLM. The message names the proxy by origin only, never
 * with the user info of its URL. Nothing reached the Exchange server, so `outcomeUnknown` is false.
 */
import { EwsError } from '../client/errors';

export class EwsProxyError extends EwsError {
  override readonly name = 'EwsProxyError';
  /** The proxy as `scheme://host:port`, without credentials. */
  readonly proxy: string;
  /** The proxy's HTTP status (407 Proxy Authentication Required, 403, 502…), when it answered. */
  readonly status?: number;
  /** Node's error code when the proxy could not be reached (ECONNREFUSED…). */
  readonly code?: string;

  constructor(proxy: string, message: string, details: { readonly status?: number; readonly code?: string; readonly retryable?: boolean; readonly cause?: unknown } = {}) {
    super(`Proxy ${proxy}: ${message}`, { retryable: details.retryable ?? false, outcomeUnknown: false, cause: details.cause });
    this.proxy = proxy;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
  }
}
