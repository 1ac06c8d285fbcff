/**
 * Sends a SOAP envelope over HTTP(S) and hands back the response as a stream. `Transport` is the seam:
 * tests and the simulator plug in their own; `AxiosTransport` is the real one.
 */
import http from 'node:http';
import https from 'node:https';
import { finished, Readable } from 'node:stream';
import { TLSSocket } from 'node:tls';
import type { AxiosInstance, AxiosStatic, RawAxiosResponseHeaders, AxiosResponseHeaders } from 'axios';
import { noAuth, type AuthSession, type AuthStrategy, type WireRequest, type WireResponse } from './auth/strategy';
import { EwsAbortError } from './errors';
import { RequestLifetime } from './request-lifetime';
import { StreamedBody } from '../runtime/binary-source';
import { SDK_VERSION } from './version';

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

export interface AxiosTransportOptions {
  /** Authentication; none by default. */
  readonly auth?: AuthStrategy;
  /** Default deadline per request in milliseconds (100 s, as Exchange's own clients use). */
  readonly timeoutMs?: number;
  /** Certificate authorities to trust besides the system ones (a private CA for the Exchange server). */
  readonly ca?: https.AgentOptions['ca'];
  /**
   * Set to `false` to accept ANY server certificate, which lets anyone on the network read the
   * credentials and the mail. For throwaway test servers only; prefer `ca`. Default `true`.
   */
  readonly rejectUnauthorized?: boolean;
  /** Connections per origin in the shared keep-alive pool (default 16). */
  readonly maxSockets?: number;
}

const DEFAULT_TIMEOUT_MS = 100_000;
const USER_AGENT = `typed-ews/${SDK_VERSION}`;

/**
 * axios is loaded on the first request, not on import: it is half of the package's start-up time
 * (46 of 90 ms measured by the benchmark), which a program that never sends should not pay.
 */
let axiosModule: AxiosStatic | undefined;
function loadAxios(): AxiosStatic {
  axiosModule ??= (require('axios') as { default: AxiosStatic }).default;
  return axiosModule;
}

export class AxiosTransport implements Transport {
  #httpClient?: AxiosInstance;
  readonly #httpAgent: http.Agent;
  readonly #httpsAgent: https.Agent;
  readonly #tls: https.AgentOptions;
  readonly #auth: AuthSession;
  readonly #timeoutMs: number;

  constructor(options: AxiosTransportOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#tls = { rejectUnauthorized: options.rejectUnauthorized ?? true, ...(options.ca !== undefined && { ca: options.ca }) };
    const maxSockets = options.maxSockets ?? 16;
    this.#httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.#httpsAgent = new https.Agent({ keepAlive: true, maxSockets, ...this.#tls });
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
    this.#httpsAgent.destroy();
  }

  get #http(): AxiosInstance {
    this.#httpClient ??= loadAxios().create({
      method: 'POST',
      responseType: 'stream',
      // Every status is a response to classify (a SOAP fault comes with 500), not an exception.
      validateStatus: () => true,
      // Redirects are never followed: that would re-send the body and the credentials to another URL.
      // Axios itself never retries; retrying is the caller's decision (see EwsError.outcomeUnknown).
      maxRedirects: 0,
      // No environment proxy: NTLM authenticates a connection, which a proxy would not preserve.
      proxy: false,
      httpAgent: this.#httpAgent,
      httpsAgent: this.#httpsAgent,
    });
    return this.#httpClient;
  }

  async #roundTrip(request: WireRequest, lifetime: RequestLifetime): Promise<WireResponse> {
    const carriesBody = request.probe !== true;
    try {
      const { data, length } = wireBody(request.body);
      const response = await this.#http.request<Readable>({
        url: request.url,
        data,
        // Without a length (a stream of unknown size) the body goes chunked.
        headers: { ...request.headers, ...(length !== undefined && { 'Content-Length': String(length) }) },
        signal: lifetime.signal,
        ...(request.agent ? { httpAgent: request.agent, httpsAgent: request.agent } : {}),
      });
      return {
        status: response.status,
        headers: flattenHeaders(response.headers),
        body: lifetime.relay(response.data, carriesBody),
        requestSent: carriesBody,
        // Read only for probes (the NTLM NEGOTIATE leg), the one place that needs it.
        ...(request.probe && { peerCertificate: peerCertificateOf(response.request) }),
      };
    } catch (error) {
      throw lifetime.failure(error, carriesBody && bodyWentOut(error));
    }
  }

  #dedicatedAgent(url: string): http.Agent {
    return url.startsWith('https:')
      ? new https.Agent({ keepAlive: true, maxSockets: 1, ...this.#tls })
      : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }
}

/**
 * The body as a stream that lets go of its bytes once they are read. Node's keep-alive agent keeps
 * the options of the request that opened a socket for as long as the socket lives, and axios's
 * options reach its config and `data`: given the Buffer itself, every pooled connection would pin
 * the request body it was opened with (11 MB for a CreateItem of 10,000 appointments) until it closes.
 */
function oneShotStream(body: Buffer): Readable {
  let pending: Buffer | undefined = body;
  return new Readable({
    read() {
      const chunk = pending;
      pending = undefined;
      if (chunk !== undefined && chunk.length > 0) this.push(chunk);
      this.push(null);
    },
  });
}

function wireBody(body: string | Buffer | StreamedBody): { data: Readable; length: number | undefined } {
  if (body instanceof StreamedBody) return { data: body.open(), length: body.length };
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { data: oneShotStream(bytes), length: bytes.length };
}

function parseEndpoint(url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:') {
    throw new TypeError('The EWS URL must be an absolute http: or https: URL');
  }
  // axios would turn user info into a Basic Authorization header behind the caller's back.
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
    ...request.headers,
    ...(request.soapAction !== undefined && { SOAPAction: quote(request.soapAction) }),
  };
}

function quote(soapAction: string): string {
  return soapAction.startsWith('"') ? soapAction : `"${soapAction}"`;
}

/**
 * Whether the whole request left through the socket before the failure: Node's ClientRequest
 * finishes once its last byte was handed to the operating system.
 */
function bodyWentOut(error: unknown): boolean {
  const request = loadAxios().isAxiosError(error) ? (error.request as http.ClientRequest | undefined) : undefined;
  return request?.writableFinished === true;
}

function peerCertificateOf(request: unknown): Buffer | undefined {
  const socket = (request as http.ClientRequest | undefined)?.socket;
  return socket instanceof TLSSocket ? socket.getPeerCertificate().raw : undefined;
}

/** Response headers as `TransportResponse` carries them: lower-cased names, repeated values joined with ", ". */
export function flattenHeaders(headers: RawAxiosResponseHeaders | AxiosResponseHeaders | NodeJS.Dict<string | string[]>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}
