/**
 * Sends a SOAP envelope over HTTP(S) and hands back the response as a stream. `Transport` is the seam:
 * tests and the simulator plug in their own; `HttpTransport` is the real one.
 */
import http from 'node:http';
import type { Agent as HttpsAgent, AgentOptions as HttpsAgentOptions } from 'node:https';
import { finished, type Readable, type Transform } from 'node:stream';
import { noAuth, type AuthSession, type AuthStrategy, type WireRequest, type WireResponse } from './auth/strategy';
import { EwsAbortError } from './errors';
import { RequestLifetime } from './request-lifetime';
import { StreamedBody } from '../runtime/binary-source';
import { SDK_VERSION } from './version';
import type { ProxySetting } from '../proxy/proxy-endpoint';
import { ProxyRoutes } from '../proxy/proxy-routes';
import { https, tls, zlib } from './node-builtins';

export interface TransportRequest {
  readonly url: string;
  /** A StreamedBody (base64 content from streams, see binary-source.ts) is encoded while it is sent. */
  readonly body: string | Buffer | StreamedBody;
  /** Extra headers: X-AnchorMailbox, X-PreferServerAffinity, X-ClientStatistics, the caller's own. */
  readonly headers: Readonly<Record<string, string>>;
  /** Sent as the SOAPAction header (quoted, as SOAP 1.1 requires). */
  readonly soapAction?: string;
  /** Deadline for the whole request, response body included; the transport's default when absent. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface TransportResponse {
  readonly status: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** Not buffered: read it (or destroy it) to release the connection. */
  readonly body: NodeJS.ReadableStream;
  /** Whether the request body went out completely, i.e. whether the server may have processed it. */
  readonly requestSent: boolean;
}

export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

export interface HttpTransportOptions {
  /** Authentication; none by default. */
  readonly auth?: AuthStrategy;
  /** Default deadline per request in milliseconds (100 s, as Exchange's own clients use). */
  readonly timeoutMs?: number;
  /** Certificate authorities to trust besides the system ones (a private CA for the Exchange server). */
  readonly ca?: HttpsAgentOptions['ca'];
  /**
   * Set to `false` to accept ANY server certificate, which lets anyone on the network read the
   * credentials and the mail. For throwaway test servers only; prefer `ca`. Default `true`.
   */
  readonly rejectUnauthorized?: boolean;
  /** Connections per origin in the shared keep-alive pool (default 16). */
  readonly maxSockets?: number;
  /**
   * The proxy to send through, as a URL (`http://user:password@proxy:3128`); `false` for none. By default
   * HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their lower-case forms) decide. https is tunnelled (CONNECT),
   * so NTLM works through it; NTLM to a plain-http URL through a proxy is refused (EwsProxyError).
   */
  readonly proxy?: ProxySetting;
}

const DEFAULT_TIMEOUT_MS = 100_000;
const USER_AGENT = `typed-ews/${SDK_VERSION}`;

/**
 * The real transport: node:http and node:https with keep-alive agents. Not axios (used here until
 * issue 15): of all it offers only a POST with a streamed response was used, and loading it (with
 * form-data, proxy agents, follow-redirects, http2) took 46 of the 90 ms of the package's start-up,
 * paid by the first request of every process. Redirects are never followed (that would re-send the
 * body and the credentials to another URL), proxies are used as src/proxy/ explains (https through a
 * CONNECT tunnel, which keeps NTLM's connection end to end), and nothing is retried here: retrying is
 * the caller's decision (see EwsError.outcomeUnknown). Every status is a response to classify (a SOAP
 * fault comes with 500), not an exception.
 */
export class HttpTransport implements Transport {
  readonly #httpAgent: http.Agent;
  #httpsAgent: HttpsAgent | undefined;
  readonly #maxSockets: number;
  readonly #tls: HttpsAgentOptions;
  readonly #auth: AuthSession;
  readonly #timeoutMs: number;
  readonly #proxies: ProxyRoutes;

  constructor(options: HttpTransportOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#tls = { rejectUnauthorized: options.rejectUnauthorized ?? true, ...(options.ca !== undefined && { ca: options.ca }) };
    const maxSockets = options.maxSockets ?? 16;
    this.#maxSockets = maxSockets;
    this.#httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.#proxies = new ProxyRoutes({ proxy: options.proxy, tls: this.#tls, maxSockets });
    this.#auth = (options.auth ?? noAuth).open({ dedicatedAgent: (url) => this.#dedicatedAgent(url) });
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const url = parseEndpoint(request.url);
    const wire: WireRequest = { url: request.url, body: request.body, headers: headersFor(request) };
    if (request.signal?.aborted) throw new EwsAbortError(false);
    const lifetime = new RequestLifetime(url.host, request.timeoutMs ?? this.#timeoutMs, request.signal);
    try {
      const response = await this.#auth.send(wire, (roundTrip) => this.#roundTrip(roundTrip, lifetime));
      finished(response.body, () => lifetime.end());
      return response;
    } catch (error) {
      lifetime.end();
      throw error;
    }
  }

  /** Closes idle keep-alive connections; requests still running are cut off. */
  close(): void {
    this.#auth.close();
    this.#httpAgent.destroy();
    this.#httpsAgent?.destroy();
    this.#proxies.close();
  }

  async #roundTrip(request: WireRequest, lifetime: RequestLifetime): Promise<WireResponse> {
    const carriesBody = request.probe !== true;
    const secure = request.url.startsWith('https:');
    let outgoing: http.ClientRequest | undefined;
    const route = this.#proxies.routeFor(request.url);
    try {
      const { body, length } = wireBody(request.body);
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        outgoing = (route?.request ?? (secure ? https.request : http.request))(request.url, {
          method: 'POST',
          // Without a length (a stream of unknown size) the body goes chunked.
          headers: { ...request.headers, ...(length !== undefined && { 'Content-Length': String(length) }) },
          agent: request.agent ?? route?.agent ?? (secure ? this.#sharedHttpsAgent() : this.#httpAgent),
          signal: lifetime.signal,
        }, resolve);
        outgoing.on('error', reject);
        if (Buffer.isBuffer(body)) outgoing.end(body);
        else body.on('error', (error) => outgoing!.destroy(error)).pipe(outgoing);
      });
      return {
        status: response.statusCode ?? 0,
        headers: decodedHeaders(response.headers),
        body: lifetime.relay(decoded(response), carriesBody),
        requestSent: carriesBody,
        // Read only for probes (the NTLM NEGOTIATE leg), the one place that needs it.
        ...(request.probe && { peerCertificate: peerCertificateOf(response.socket) }),
      };
    } catch (error) {
      // Whether the whole request left through the socket before the failure: a ClientRequest
      // finishes once its last byte was handed to the operating system.
      throw lifetime.failure(error, carriesBody && outgoing?.writableFinished === true);
    }
  }

  #sharedHttpsAgent(): HttpsAgent {
    return (this.#httpsAgent ??= new https.Agent({ keepAlive: true, maxSockets: this.#maxSockets, ...this.#tls }));
  }

  #dedicatedAgent(url: string): http.Agent {
    return this.#proxies.dedicatedAgent(url) ?? (url.startsWith('https:')
      ? new https.Agent({ keepAlive: true, maxSockets: 1, ...this.#tls })
      : new http.Agent({ keepAlive: true, maxSockets: 1 }));
  }
}

/** A streamed body is encoded while it is sent; any other is one Buffer of known length. */
function wireBody(body: string | Buffer | StreamedBody): { body: Readable | Buffer; length: number | undefined } {
  if (body instanceof StreamedBody) return { body: body.open(), length: body.length };
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { body: bytes, length: bytes.length };
}

function parseEndpoint(url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:') {
    throw new TypeError('The EWS URL must be an absolute http: or https: URL');
  }
  // node:http would turn user info into a Basic Authorization header behind the caller's back.
  if (parsed.username !== '' || parsed.password !== '') {
    throw new TypeError('The EWS URL must not contain credentials; pass them as the transport\'s `auth` option');
  }
  return parsed;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

function headersFor(request: TransportRequest): Record<string, string> {
  for (const [name, value] of Object.entries(request.headers)) {
    // Checked here so that a bad header is a caller error, not a "connection failure"; the value is
    // not quoted since it may be a secret.
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) throw new TypeError(`Invalid HTTP header ${JSON.stringify(name)}`);
  }
  return {
    Accept: 'text/xml',
    'Content-Type': 'text/xml; charset=utf-8',
    'User-Agent': USER_AGENT,
    'Accept-Encoding': 'gzip, deflate, br',
    ...request.headers,
    ...(request.soapAction !== undefined && { SOAPAction: quote(request.soapAction) }),
  };
}

function quote(soapAction: string): string {
  return soapAction.startsWith('"') ? soapAction : `"${soapAction}"`;
}

/** Called for NTLM's first leg only, which over https has loaded node:tls already. */
function peerCertificateOf(socket: unknown): Buffer | undefined {
  return socket instanceof tls.TLSSocket ? socket.getPeerCertificate().raw : undefined;
}

/** Compressed answers (Exchange compresses when asked, and IIS in front of it may) are inflated here. */
function decoded(response: http.IncomingMessage): Readable {
  const encoding = knownEncoding(response.headers['content-encoding']);
  if (encoding === undefined) return response;
  const inflate = inflaterFor(encoding);
  response.on('error', (error) => inflate.destroy(error));
  return response.pipe(inflate);
}

type ContentEncoding = 'gzip' | 'deflate' | 'br';

function knownEncoding(header: string | undefined): ContentEncoding | undefined {
  switch (header?.trim().toLowerCase()) {
    case 'gzip': case 'x-gzip': return 'gzip';
    case 'deflate': return 'deflate';
    case 'br': return 'br';
    default: return undefined;
  }
}

function inflaterFor(encoding: ContentEncoding): Transform {
  switch (encoding) {
    case 'gzip': return zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate': return zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'br': return zlib.createBrotliDecompress();
  }
}

/** The headers of a decoded body: its encoding and compressed length no longer describe it. */
function decodedHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat = flattenHeaders(headers);
  if (knownEncoding(flat['content-encoding']) !== undefined) {
    delete flat['content-encoding'];
    delete flat['content-length'];
  }
  return flat;
}

/** Response headers as `TransportResponse` carries them: lower-cased names, repeated values joined with ", ". */
export function flattenHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}

/** @deprecated The former name of HttpTransport (which no longer uses axios). */
export const AxiosTransport = HttpTransport;
/** @deprecated The former name of HttpTransport (which no longer uses axios). */
export type AxiosTransport = HttpTransport;
/** @deprecated The former name of HttpTransportOptions. */
export type AxiosTransportOptions = HttpTransportOptions;
