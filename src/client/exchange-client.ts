/**
 * ExchangeClient: every operation of services.wsdl, typed from generated/, over one transport.
 *
 * `call()` writes the envelope through the descriptors (only the SOAP headers the operation's binding
 * accepts), sends it, streams the response into the reader, and gives back the typed body with its
 * response messages as data. Exceptions are for failures of the whole request only (see errors.ts).
 */
import type { OperationName, OperationTypes } from '../../generated/operations';
import type { ServerVersionInfo } from '../../generated/types';
import { XmlReadError } from '../runtime/errors';
import { watchOpenedSinks, type BinaryContentOptions } from '../runtime/binary-content';
import type { ReadDiagnostic } from '../runtime/diagnostics';
import { envelopeReader, type SoapEnvelopeContent } from '../runtime/envelope-reader';
import type { StreamingReader } from '../runtime/reader';
import { writeEnvelopeBody, type EnvelopeToWrite } from '../runtime/writer';
import type { OperationDesc, SchemaSet } from '../schema/descriptors';
import { ewsSchema } from '../schema/ews-schema';
import { RequestVersions, type VersionOptions } from '../versions/client-versions';
import type { AuthStrategy } from './auth/strategy';
import { EwsMalformedResponseError, EwsRequestValidationError, EwsSoapFaultError, EwsStrictResponseError } from './errors';
import { scrubError, secretForms } from './redact';
import { ResponseMessage, responseMessagesOf, toResponseMessage } from './response-messages';
import { RequestContext, soapHeadersFor } from './soap-headers';
import { requestHeaders } from './anchor-mailbox';
import { openSoapBody } from './soap-response';
import { EntryStream } from './entry-stream';
import { HttpTransport, HttpTransportOptions, Transport } from './transport';
import { windowsTimeZone } from '../values/time-zones';
import { retrySettings, type RetryOptions, type RetrySettings } from '../retry/options';
import { RetryRun, withRetries } from '../retry/retrying';
import { traceFromEnvironment } from '../trace/debug-trace';
import { tracedTransport, type TraceHooks } from '../trace/traced-transport';
import type { ProxySetting } from '../proxy/proxy-endpoint';

export const DEFAULT_EXCHANGE_VERSION = 'Exchange2013_SP1';

/** Bytes of response fed to the reader at a time by the streaming calls (see readEntries). */
const STREAM_SLICE_BYTES = 8192;

export interface ExchangeClientOptions extends Omit<Partial<RequestContext>, 'version'>, VersionOptions {
  /**
   * RequestServerVersion (Exchange2013_SP1 by default): requests using what this release lacks fail
   * locally (see `versionCheck`). `auto`: learn it from the first response's ServerVersionInfo.
   */
  readonly version?: RequestContext['version'] | 'auto';
  /** The EWS endpoint, usually `https://host/EWS/Exchange.asmx`. */
  readonly url: string;
  readonly auth?: AuthStrategy;
  /**
   * HTTP headers on every request: `X-AnchorMailbox`, `X-PreferServerAffinity`, `X-ClientStatistics`…
   * With `impersonation` by SMTP address, X-AnchorMailbox is that address unless set here or per call.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Deadline per request (response body included); 100 s by default. */
  readonly timeoutMs?: number;
  /** TLS and pooling options of the default transport. */
  readonly tls?: Pick<HttpTransportOptions, 'ca' | 'rejectUnauthorized' | 'maxSockets'>;
  /**
   * The default transport's proxy: a URL, or `false` for none; HTTPS_PROXY / HTTP_PROXY / NO_PROXY by
   * default (see HttpTransportOptions.proxy).
   */
  readonly proxy?: ProxySetting;
  /** Replace the HTTP transport (tests, proxies, the simulator's in-process transport). */
  readonly transport?: Transport;
  /**
   * Report every request and response (redacted SOAP envelopes, headers, timings) to these hooks, the
   * default or a given transport alike. By default the `debug` package's namespaces `typed-ews:*` are
   * used when the DEBUG environment variable enables them; `false` turns tracing off whatever DEBUG says.
   */
  readonly trace?: TraceHooks | false;
  /**
   * Check every request body against the official XSD with libxml2 before sending it; an invalid
   * request fails locally with libxml2's message instead of Exchange's ErrorSchemaValidation.
   */
  readonly validateRequests?: boolean;
  /** Descriptors of another schema version (`npm run codegen -- --schemas DIR`); the bundled ones by default. */
  readonly schema?: SchemaSet;
  /**
   * Turn every value of a response that does not fit its schema type into an `EwsStrictResponseError`
   * instead of a diagnostic on the result: for tests that must notice a server's deviation. Off by default:
   * a real server's slip in one value should not cost the rest of the response.
   */
  readonly strictResponses?: boolean;
  /**
   * Retries of a request the server refused for now (ErrorServerBusy, 429/503, a connection that failed
   * before sending), after the server's BackOffMilliseconds or Retry-After: on by default for operations
   * that only read, off for those that change the mailbox (see `RetryOptions.retryNonIdempotent`).
   * `false` turns retrying off.
   */
  readonly retry?: RetryOptions | false;
}

export interface CallOptions extends Partial<RequestContext> {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Extra HTTP headers for this call (e.g. X-AnchorMailbox of the mailbox it touches). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Base64 elements of the response to hand to sinks as they arrive instead of reading them as strings. */
  readonly binaryContent?: BinaryContentOptions;
  /** Retry settings of this call, over the client's `retry`; `false` turns retrying off for it. */
  readonly retry?: RetryOptions | false;
}

export interface CallResult<R> {
  /** The typed response body element. */
  readonly body: R;
  /** One per input for batch operations, in order; empty for operations without response messages. */
  readonly responseMessages: ResponseMessage[];
  readonly serverVersion?: ServerVersionInfo;
  /**
   * Values of the response that did not fit their schema type and were read forgivingly (a known server
   * dialect read as meant, or the text kept in `$invalid`), in document order; empty for a clean response.
   * Each response message carries its own too.
   */
  readonly diagnostics: readonly ReadDiagnostic[];
}

export class ExchangeClient {
  readonly url: string;
  /** ServerVersionInfo of the latest response that carried one. */
  serverVersion?: ServerVersionInfo;
  private readonly context: RequestContext;
  private readonly transport: Transport;
  /** The default transport, made (and closed) by this client; undefined when the caller gave one. */
  private readonly ownTransport?: HttpTransport;
  private readonly versions: RequestVersions;
  /** The client's retry settings, for calls that bring none of their own. */
  private readonly retry?: RetrySettings;

  constructor(private readonly options: ExchangeClientOptions) {
    if (!/^https?:\/\//i.test(options.url)) throw new TypeError('ExchangeClient: url must be an http(s) URL of the EWS endpoint');
    this.retry = retrySettings(options.retry, undefined); // bad settings are refused now, not at the first call
    this.url = options.url;
    this.versions = new RequestVersions(options, options.version === 'auto');
    // `as string`: an SDK generated from an older release's schema has no such ExchangeVersionType value.
    this.context = withOverrides({ version: DEFAULT_EXCHANGE_VERSION as string as RequestContext['version'] }, { ...options, version: options.version === 'auto' ? undefined : options.version });
    if (!options.transport) {
      this.ownTransport = new HttpTransport({ auth: options.auth, timeoutMs: options.timeoutMs, ...options.tls, ...(options.proxy !== undefined && { proxy: options.proxy }) });
    }
    const transport = options.transport ?? this.ownTransport!;
    const trace = options.trace === false ? undefined : options.trace ?? traceFromEnvironment();
    this.transport = trace ? tracedTransport(transport, trace, () => options.auth?.secrets?.() ?? []) : transport;
  }

  /** The descriptors requests are written and responses read with. */
  get schema(): SchemaSet {
    return this.options.schema ?? ewsSchema();
  }

  /** Calls one EWS operation with a typed request body and returns its typed response. */
  async call<Op extends OperationName>(
    operation: Op, request: OperationTypes[Op]['requestInput'], options: CallOptions = {},
  ): Promise<CallResult<OperationTypes[Op]['response']>> {
    const sinks = options.binaryContent && watchOpenedSinks(options.binaryContent);
    const attempt = sinks ? { ...options, binaryContent: sinks.options } : options;
    return withRetries(this.retryRun(operation, options), () => this.callOnce(operation, request, attempt), () => !sinks?.opened());
  }

  private async callOnce<Op extends OperationName>(
    operation: Op, request: OperationTypes[Op]['requestInput'], options: CallOptions,
  ): Promise<CallResult<OperationTypes[Op]['response']>> {
    try {
      const { op, headers, body } = await this.send(operation, request, options);
      const reader = envelopeReader(this.schema, options.binaryContent && { binaryContent: options.binaryContent });
      await this.feed(reader, body as AsyncIterable<Buffer>, options.binaryContent?.backPressure);
      try {
        return this.result(op, this.finish(reader), reader.diagnostics) as CallResult<OperationTypes[Op]['response']>;
      } catch (error) {
        throw await this.locateSchemaFault(error, { headers, body: { element: op.request, value: request } });
      }
    } catch (error) {
      throw this.scrub(error);
    }
  }

  /** ErrorSchemaValidation with a position: names the request property written there (see fault-paths.ts). */
  private async locateSchemaFault(error: unknown, envelope: EnvelopeToWrite): Promise<unknown> {
    if (!(error instanceof EwsSoapFaultError) || error.responseCode !== 'ErrorSchemaValidation' || error.lineNumber === undefined) return error;
    const { objectPathAtPosition } = await import('../validation/fault-paths');
    const objectPath = objectPathAtPosition(this.schema, envelope, error.lineNumber, error.linePosition ?? 1);
    if (objectPath !== undefined) error.locateInRequest(objectPath);
    return error;
  }

  /**
   * Calls a batch operation and yields its response messages one by one as they arrive, keeping only
   * the current one in memory: for very large batches (GetItem of 10,000 items). What the body holds
   * besides its response messages is the generator's return value. A request-level failure throws
   * before the first message; a response that breaks off throws after the messages read so far.
   */
  stream<Op extends OperationName>(
    operation: Op, request: OperationTypes[Op]['requestInput'], options: CallOptions = {},
  ): AsyncGenerator<ResponseMessage, CallResult<OperationTypes[Op]['response']>, undefined> {
    const ownDiagnostics = entryDiagnostics();
    return this.readEntries(operation, request, 'ArrayOfResponseMessagesType', options,
      (entry, _owner, diagnostics) => toResponseMessage(entry as never, ownDiagnostics(diagnostics)));
  }

  /**
   * Yields each entry of the array-wrapper type `wrapperType` in the response as soon as it is read,
   * with the object that holds its array (`owner`), and keeps none of them: e.g. the items of a large
   * FindItem (`ArrayOfRealItemsType`, owner the t:GroupedItems or the root folder). The rest of the
   * body is the return value.
   */
  streamEntries<Op extends OperationName>(
    operation: Op, request: OperationTypes[Op]['requestInput'], wrapperType: string, options: CallOptions = {},
  ): AsyncGenerator<{ readonly entry: unknown; readonly owner: unknown }, CallResult<OperationTypes[Op]['response']>, undefined> {
    return this.readEntries(operation, request, wrapperType, options, (entry, owner) => ({ entry, owner }));
  }

  /**
   * The one streaming reader behind stream() and streamEntries(): an EntryStream (entry-stream.ts), a
   * hand-written AsyncGenerator, since a generator's `yield` costs promise hops per entry. The response
   * is fed in small slices, so that only a slice's worth of entries is alive when a scavenge runs: fewer
   * survivors, a young generation that stays small, and a lower peak RSS. The stream holds the request
   * only while a retry may still send it: until it is sent when the call is not retried, else until the
   * first entry is handed over (after it, the caller has entries a second answer would repeat); the
   * 10,000 ItemIds of a DeleteItem would otherwise survive every scavenge of the reading. Nothing here
   * may keep the request in a closure.
   */
  private readEntries<T, R>(
    operation: OperationName, request: unknown, wrapperType: string, options: CallOptions,
    handOver: (entry: unknown, owner: unknown, diagnostics: readonly ReadDiagnostic[]) => T,
  ): EntryStream<T, R> {
    const retries = this.retryRun(operation, options);
    const sinks = options.binaryContent && watchOpenedSinks(options.binaryContent);
    const backPressure = options.binaryContent?.backPressure;
    return new EntryStream<T, R>(request, {
      // Streamed base64 is mostly text handed on in pieces, not entries to keep young: whole chunks cost
      // fewer calls per megabyte (an 8 KB slice is 850 rounds of decoding per 5 MB attachment).
      sliceBytes: options.binaryContent ? Number.POSITIVE_INFINITY : STREAM_SLICE_BYTES,
      retries: retries.enabled,
      scrub: (error) => this.scrub(error),
      // No retry once a sink was given content: it would get it twice.
      afterFailure: (error) => (sinks?.opened() ? Promise.reject(error) : retries.afterFailure(error)),
      open: async (unsent, push) => {
        const { op, body } = await this.send(operation, unsent, options);
        const reader: StreamingReader<SoapEnvelopeContent> = envelopeReader(this.schema, {
          streamEntries: { wrapperType, take: (entry, owner) => push(handOver(entry, owner, reader.diagnostics)) },
          ...(sinks && { binaryContent: sinks.options }),
        });
        let content: SoapEnvelopeContent | undefined;
        return {
          body: body as AsyncIterable<Buffer>,
          backPressure,
          write: (slice) => {
            reader.write(slice);
            this.checkStrict(reader.diagnostics);
          },
          failed: (error) => {
            this.abandonSinks(reader, error);
            // Under strictResponses a deviation fails the whole response, entries read before it too.
            return { error: this.readError(error, false), entriesStand: !(error instanceof EwsStrictResponseError) };
          },
          end: () => { content = this.finish(reader); },
          result: () => this.result(op, content!, reader.diagnostics) as R,
        };
      },
    });
  }

  /**
   * Sends one operation and resolves with its response body unread, and the HTTP headers: for answers
   * read another way than as one envelope (GetStreamingEvents writes many). Errors of the HTTP level
   * (401, 503, an HTML page…) throw as for `call()`; the caller reads, or destroys, the body.
   */
  async open<Op extends OperationName>(
    operation: Op, request: OperationTypes[Op]['request'], options: CallOptions = {},
  ): Promise<{ readonly body: NodeJS.ReadableStream; readonly headers: Readonly<Record<string, string>> }> {
    return withRetries(this.retryRun(operation, options), async () => {
      try {
        const { body, responseHeaders } = await this.send(operation, request, options);
        return { body, headers: responseHeaders };
      } catch (error) {
        throw this.scrub(error);
      }
    });
  }

  /** The retries of one call: the call's settings over the client's (see src/retry/). */
  private retryRun(operation: OperationName, options: CallOptions): RetryRun {
    const settings = options.retry === undefined ? this.retry : retrySettings(this.options.retry, options.retry);
    return new RetryRun(operation, settings, options.signal);
  }

  /** Validates (when asked), writes and sends the request; resolves with the response body to read. */
  private async send(operation: OperationName, request: unknown, options: CallOptions) {
    const op = this.schema.operations[operation];
    if (!op) throw new TypeError(`ExchangeClient: unknown operation ${String(operation)}`);
    const context = withOverrides(this.context, options);
    const version = this.versions.versionFor(this.schema, op, request, context.version, options.version,
      (candidate) => soapHeadersFor(op, { ...context, version: candidate as RequestContext['version'] })) as RequestContext['version'];
    if (this.options.validateRequests) await this.validate(op.request, request);
    const headers = soapHeadersFor(op, { ...context, version });
    const envelope = writeEnvelopeBody(this.schema, { headers, body: { element: op.request, value: request } });
    const response = await this.transport.send({
      url: this.url,
      body: envelope,
      headers: requestHeaders(context.impersonation, this.options.headers, options.headers),
      soapAction: op.soapAction,
      timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
      signal: options.signal,
    });
    return { op, headers, body: await openSoapBody(response), responseHeaders: response.headers };
  }

  /** The typed result of a read envelope: a fault throws; the body must be the operation's response. */
  private result(op: OperationDesc, content: SoapEnvelopeContent, diagnostics: readonly ReadDiagnostic[]): CallResult<unknown> {
    if (content.fault) throw new EwsSoapFaultError(content.fault);
    this.checkStrict(diagnostics);
    const serverVersion = content.headers['t:ServerVersionInfo'] as ServerVersionInfo | undefined;
    if (serverVersion) this.serverVersion = serverVersion;
    this.versions.learn(this.schema, serverVersion);
    if (!content.body || content.body.element !== op.response) {
      const got = content.body ? `<${content.body.element}>` : 'an empty soap:Body';
      throw new EwsMalformedResponseError(`expected <${op.response}> in the response body, got ${got}`);
    }
    const body = content.body.value;
    return { body, responseMessages: responseMessagesOf(body, diagnostics), diagnostics, ...(serverVersion && { serverVersion }) };
  }

  /**
   * A server may echo the credential it was sent (an error page listing the request headers, a fault
   * quoting them, a redirect carrying them): scrubbed from the error, in every encoding, before it leaves.
   */
  private scrub(error: unknown): unknown {
    const secrets = this.options.auth?.secrets?.();
    return secrets && secrets.length > 0 ? scrubError(error, secretForms(secrets)) : error;
  }

  private checkStrict(diagnostics: readonly ReadDiagnostic[]): void {
    if (this.options.strictResponses && diagnostics.length > 0) throw new EwsStrictResponseError(diagnostics);
  }

  /** Releases pooled connections of the default transport. */
  close(): void {
    this.ownTransport?.close();
  }

  /** Feeds the whole body to the reader; a malformed document or a transport failure throws. */
  private async feed(reader: StreamingReader<SoapEnvelopeContent>, body: AsyncIterable<Buffer>, backPressure?: () => Promise<void> | undefined): Promise<void> {
    try {
      for await (const chunk of body) {
        reader.write(chunk);
        const held = backPressure?.();
        if (held) await held;
      }
    } catch (error) {
      this.abandonSinks(reader, error);
      throw this.readError(error, false);
    }
  }

  /** The body broke off: a sink still receiving content learns why (scrubbed, like every error the client gives). */
  private abandonSinks(reader: StreamingReader<SoapEnvelopeContent>, error: unknown): void {
    const scrubbed = this.scrub(error);
    reader.abandon(scrubbed instanceof Error ? scrubbed : new Error(String(scrubbed)));
  }

  /** Ends the document: an error here means the body stopped before the document did. */
  private finish(reader: StreamingReader<SoapEnvelopeContent>): SoapEnvelopeContent {
    try {
      return reader.end();
    } catch (error) {
      throw this.readError(error, true);
    }
  }

  private readError(error: unknown, atEnd: boolean): unknown {
    return error instanceof XmlReadError ? new EwsMalformedResponseError(error, { truncated: atEnd && isTruncation(error) }) : error;
  }

  private async validate(element: string, request: unknown): Promise<void> {
    // Loaded on first use: libxml2 (wasm) and the schema set cost time the default path never pays.
    const { checkRequest } = await import('../validation/request-check');
    const problems = await checkRequest(this.schema, element, request);
    if (problems.length > 0) throw new EwsRequestValidationError(problems.map((problem) => problem.text), problems);
  }
}

/**
 * saxes' words for a document that stopped early, as opposed to one that is complete but not readable
 * (an invalid character, a wrong root): only the first may read whole on a second try.
 */
function isTruncation(error: XmlReadError): boolean {
  return /^unclosed tag|^document must contain a root element/.test(error.reason);
}

/**
 * For entries handed over one by one, in order: the diagnostics of the next entry. Diagnostics come in
 * document order, and all of an entry's are read by the time it is handed over, so one cursor suffices.
 */
function entryDiagnostics(): (diagnostics: readonly ReadDiagnostic[]) => readonly ReadDiagnostic[] | undefined {
  let index = 0;
  let cursor = 0;
  return (diagnostics) => {
    let own: ReadDiagnostic[] | undefined;
    for (; cursor < diagnostics.length && (diagnostics[cursor].entryIndex ?? -1) <= index; cursor++) {
      if (diagnostics[cursor].entryIndex === index) (own ??= []).push(diagnostics[cursor]);
    }
    index++;
    return own;
  };
}

/** Every RequestContext key: the `satisfies` makes a key added to RequestContext fail to compile until listed here. */
const REQUEST_CONTEXT_KEYS = Object.keys({
  version: true, timeZone: true, impersonation: true, dateTimePrecision: true, managementRole: true, mailboxCulture: true,
} satisfies Record<keyof RequestContext, true>) as (keyof RequestContext)[];

/**
 * `base` with the RequestContext options that `options` sets; only those keys are read, so the other
 * options of a client or call (url, auth, signal, headers…) never reach the SOAP header context.
 */
function withOverrides(base: RequestContext, options: Partial<RequestContext>): RequestContext {
  const context: { -readonly [K in keyof RequestContext]: unknown } = { ...base };
  for (const key of REQUEST_CONTEXT_KEYS) if (options[key] !== undefined) context[key] = options[key];
  // EWS names time zones by Windows id: an IANA name is mapped (CLDR), anything else refused (TimeZoneError).
  if (options.timeZone !== undefined) context.timeZone = windowsTimeZone(options.timeZone);
  return context as RequestContext;
}
