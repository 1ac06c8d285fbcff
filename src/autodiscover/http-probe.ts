/**
 * The unauthenticated GET of the third candidate: no body, no credentials, no redirect followed here.
 * Only its status and Location header are used.
 */
import http from 'node:http';
import https from 'node:https';

export interface ProbeResult {
  readonly status: number;
  readonly location?: string;
}

export interface ProbeOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly tls?: https.RequestOptions;
}

/** Rejects with an Error carrying Node's `code` (ENOTFOUND, ECONNREFUSED, ETIMEDOUT, a TLS code). */
export function probeRedirect(url: string, options: ProbeOptions): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const get = url.startsWith('https:') ? https.get : http.get;
    const request = get(url, { headers: { 'User-Agent': 'typed-ews', Accept: 'text/xml' }, signal: options.signal, ...options.tls }, (response) => {
      response.resume();
      const location = response.headers.location;
      resolve({ status: response.statusCode ?? 0, ...(location !== undefined && { location }) });
    });
    request.setTimeout(options.timeoutMs, () => request.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    request.once('error', reject);
  });
}
