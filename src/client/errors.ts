/**
 * One error class per way an EWS request can fail as a whole. (Per-item failures inside a successful
 * response, ResponseClass="Error", are results, not exceptions.)
 *
 * Every message passes through `redact`, and no error keeps a reference to a request, a config or a
 * credential: a foreign cause (an AxiosError holds the request config, headers included) is replaced
 * by a detached copy of its name, code, message and stack. So `err.message`, `err.stack`,
 * `JSON.stringify(err)` and `util.inspect(err)` are safe to log.
 *
 * Two hints tell a caller what to do next:
 * - `retryable`: the same request may succeed later (throttling, a transient server or network
 *   failure). It says nothing about whether retrying is *safe*; that is:
 * - `outcomeUnknown`: the request reached the server, which may have carried it out although no usable
 *   answer came back. A non-idempotent operation (CreateItem, SendItem, MoveItem, DeleteItem…) must not
 *   be retried blindly when this is true; read the mailbox state first.
 */
import { describeDiagnostics, type ReadDiagnostic } from '../runtime/diagnostics';
import { XmlReadError } from '../runtime/errors';
import type { SoapFault as ParsedSoapFault } from '../runtime/soap-fault';
import type { RequestSchemaProblem } from '../validation/request-check';
import { redact } from './redact';

export interface ErrorHints {
  readonly retryable?: boolean;
  readonly outcomeUnknown?: boolean;
  readonly cause?: unknown;
}

export class EwsError extends Error {
  override readonly name: string = 'EwsError';
  readonly retryable: boolean;
  readonly outcomeUnknown: boolean;

  constructor(message: string, hints: ErrorHints = {}) {
    super(redact(message), hints.cause === undefined ? undefined : { cause: detachCause(hints.cause) });
    this.retryable = hints.retryable ?? false;
    this.outcomeUnknown = hints.outcomeUnknown ?? false;
  }

  /** Structured form for loggers: name, message, the subclass fields, and a summary of the cause. */
  toJSON(): Record<string, unknown> {
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : this.cause;
    return { ...Object.fromEntries(Object.entries(this)), name: this.name, message: this.message, cause };
  }
}

/** A copy of a foreign error that shares no object with it (see the file comment). */
function detachCause(cause: unknown): unknown {
  if (cause instanceof EwsError) return cause;
  if (!(cause instanceof Error)) return redact(String(cause));
  const copy = new Error(redact(cause.message));
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  copy.stack = redact(cause.stack ?? `${cause.name}: ${cause.message}`);
  return copy;
}

// ---------------------------------------------------------------------------------------------------
// SOAP faults

/** Exchange's fault as the response reader hands it over (see runtime/soap-fault.ts). */
export type { SoapFault as ParsedSoapFault, SoapFaultDetail } from '../runtime/soap-fault';

/** Response codes after which the same request (or item) usually succeeds later. */
const TRANSIENT_RESPONSE_CODES = new Set([
  'ErrorServerBusy',
  'ErrorInternalServerTransientError',
  'ErrorMailboxStoreUnavailable',
  'ErrorConnectionFailed',
  'ErrorTooManyObjectsOpened',
]);

/**
 * The server refused the whole request with a SOAP fault (Exchange sends these with HTTP 500). A fault
 * is decided before any item is touched, so `outcomeUnknown` is false.
 */
export class EwsSoapFaultError extends EwsError {
  override readonly name = 'EwsSoapFaultError';
  readonly faultCode: string;
  readonly faultString: string;
  readonly responseCode?: string;
  readonly messageText?: string;
  readonly lineNumber?: number;
  readonly linePosition?: number;
  readonly violation?: string;
  /** Set with ErrorServerBusy: how long the server asks the client to wait. */
  readonly backOffMilliseconds?: number;
  readonly values: Readonly<Record<string, string>>;
  /**
   * With ErrorSchemaValidation from `call()`: the property of the request object written at
   * LineNumber/LinePosition (`Items[2].Start`), also appended to the message.
   */
  objectPath?: string;

  constructor(fault: ParsedSoapFault) {
    const detail = fault.detail;
    const code = detail?.responseCode ?? localName(fault.faultCode);
    super(faultMessage(code, fault), {
      retryable: detail?.backOffMilliseconds !== undefined || isTransientResponseCode(code),
    });
    this.faultCode = fault.faultCode;
    this.faultString = fault.faultString;
    this.responseCode = detail?.responseCode;
    this.messageText = detail?.message;
    this.lineNumber = detail?.lineNumber;
    this.linePosition = detail?.linePosition;
    this.violation = detail?.violation;
    this.backOffMilliseconds = detail?.backOffMilliseconds;
    this.values = { ...detail?.values };
  }

  /** Records which request property the server's position points at (the client works it out after the fact). */
  locateInRequest(objectPath: string): void {
    this.objectPath = objectPath;
    this.message = `${this.message} [request property: ${redact(objectPath)}]`;
  }
}

/** Whether a response code (of a fault or of one response message) is worth retrying later. */
export function isTransientResponseCode(code: string | undefined): boolean {
  return code !== undefined && TRANSIENT_RESPONSE_CODES.has(code);
}

function localName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1);
}

function faultMessage(code: string, fault: ParsedSoapFault): string {
  const detail = fault.detail;
  let text = detail?.message ?? fault.faultString;
  if (detail?.violation && !text.includes(detail.violation)) text += ` ${detail.violation}`;
  if (detail?.lineNumber !== undefined) text += ` (line ${detail.lineNumber}, position ${detail.linePosition ?? '?'})`;
  if (detail?.backOffMilliseconds !== undefined) text += `; retry after ${detail.backOffMilliseconds} ms`;
  return `SOAP fault ${code}: ${text}`;
}

// ---------------------------------------------------------------------------------------------------
// HTTP failures (the response was not a SOAP envelope)

/** What every HTTP-level error reports about the response. */
export interface HttpFailure {
  readonly status: number;
  readonly statusText: string;
  /** The Content-Type header, or '' when the server sent none. */
  readonly contentType: string;
  /** The first 200 characters of the body, redacted. */
  readonly bodyPreview: string;
}

/** An HTTP status that is not a SOAP answer. Used as is for statuses without a dedicated subclass. */
export class EwsHttpError extends EwsError implements HttpFailure {
  override readonly name: string = 'EwsHttpError';
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly bodyPreview: string;

  constructor(failure: HttpFailure, explanation = 'unexpected HTTP status', hints: ErrorHints = {}) {
    super(`HTTP ${failure.status} ${failure.statusText}: ${explanation}${describeBody(failure)}`, hints);
    this.status = failure.status;
    this.statusText = failure.statusText;
    this.contentType = failure.contentType;
    this.bodyPreview = redact(failure.bodyPreview);
  }
}

function describeBody(failure: HttpFailure): string {
  if (failure.bodyPreview === '') return ' (empty body)';
  return ` (${failure.contentType || 'no content type'}: ${JSON.stringify(failure.bodyPreview)})`;
}

/** 401 or 403. Names the schemes the server offers (WWW-Authenticate), never what was sent. */
export class EwsAuthenticationError extends EwsHttpError {
  override readonly name = 'EwsAuthenticationError';
  /** Authentication schemes offered in WWW-Authenticate, e.g. `['Negotiate', 'NTLM']`. */
  readonly offeredSchemes: readonly string[];

  constructor(failure: HttpFailure, offeredSchemes: readonly string[], reason?: string) {
    const offered = offeredSchemes.length > 0 ? offeredSchemes.join(', ') : 'none named';
    const explanation =
      reason ??
      (failure.status === 403
        ? 'authenticated, but this account or application may not use EWS (EWS disabled by policy, or a token without the EWS permission)'
        : `the server rejected the credentials; it offers ${offered}. Check the user name, password and authentication scheme`);
    super(failure, explanation);
    this.offeredSchemes = [...offeredSchemes];
  }
}

export class EwsEndpointNotFoundError extends EwsHttpError {
  override readonly name = 'EwsEndpointNotFoundError';

  constructor(failure: HttpFailure) {
    super(failure, 'no EWS endpoint at this URL; check the EWS URL, usually https://host/EWS/Exchange.asmx');
  }
}

/** 429, or 503: the server sheds load. Nothing was processed, so retrying after `retryAfterMs` is safe. */
export class EwsThrottledError extends EwsHttpError {
  override readonly name = 'EwsThrottledError';
  /** From Retry-After (seconds or HTTP-date); undefined when the server gave none. */
  readonly retryAfterMs?: number;

  constructor(failure: HttpFailure, retryAfterMs: number | undefined) {
    const wait = retryAfterMs === undefined ? 'retry later' : `retry after ${retryAfterMs} ms`;
    const what = failure.status === 429 ? 'the server is throttling requests' : 'the server is busy or unavailable';
    super(failure, `${what}; ${wait}`, { retryable: true });
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * Another 5xx without a SOAP body (a proxy's 502, an IIS error page). The request may have reached
 * Exchange before the failure, so the outcome is unknown.
 */
export class EwsServerError extends EwsHttpError {
  override readonly name = 'EwsServerError';

  constructor(failure: HttpFailure) {
    super(failure, 'server error without a SOAP response', { retryable: true, outcomeUnknown: true });
  }
}

/**
 * 3xx. Redirects are not followed: following one would re-send the SOAP body and the credentials to
 * another URL (and 301/302 turn the POST into a GET). Use the target as the EWS URL if it is one.
 */
export class EwsRedirectError extends EwsHttpError {
  override readonly name = 'EwsRedirectError';
  readonly location?: string;

  constructor(failure: HttpFailure, location: string | undefined) {
    const target = location === undefined ? 'elsewhere' : `to ${redact(location)}`;
    super(failure, `the server redirects ${target}; redirects are not followed for EWS requests, use the EWS URL itself`);
    this.location = location === undefined ? undefined : redact(location);
  }
}

// ---------------------------------------------------------------------------------------------------
// Bodies that are not usable XML

/** A non-XML body where a SOAP envelope was expected: an HTML page (often a login page or portal), JSON, text. */
export class EwsUnexpectedResponseError extends EwsError implements HttpFailure {
  override readonly name = 'EwsUnexpectedResponseError';
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly bodyPreview: string;

  /**
   * `outcomeUnknown` for an empty 2xx body: the request reached a server that answered nothing, so it may
   * have acted (a page or other content is a portal or proxy that kept the request from EWS).
   */
  constructor(failure: HttpFailure, bodyKind: string, hints: { readonly outcomeUnknown?: boolean } = {}) {
    const why = hints.outcomeUnknown
      ? '; the server may have carried out the request without answering'
      : '; the URL may point at a web page or a proxy rather than EWS';
    super(
      `Expected a SOAP (XML) response but got ${bodyKind} with HTTP ${failure.status} ${failure.statusText}` +
        `${failure.bodyPreview === '' ? '' : describeBody(failure)}${why}`,
      hints,
    );
    this.status = failure.status;
    this.statusText = failure.statusText;
    this.contentType = failure.contentType;
    this.bodyPreview = redact(failure.bodyPreview);
  }
}

/**
 * The body started as XML but is truncated, not well-formed, or not the operation's response. The server
 * did answer, so it processed the request: the outcome is unknown to the caller. A truncated body (it
 * ended before the document did) may read whole on a second try, so it is `retryable`; a complete one
 * that cannot be read would fail the same way again, so it is not.
 */
export class EwsMalformedResponseError extends EwsError {
  override readonly name = 'EwsMalformedResponseError';
  readonly line?: number;
  readonly column?: number;
  /** The body ended before its document did. */
  readonly truncated: boolean;

  constructor(readerError: unknown, details: { readonly truncated?: boolean } = {}) {
    const truncated = details.truncated ?? false;
    // The reader's own message already names the position; it is said once.
    const reason = readerError instanceof XmlReadError
      ? `${readerError.reason} at ${readerError.path || '/'} (line ${readerError.line}, column ${readerError.column})`
      : readerError instanceof Error ? readerError.message : String(readerError);
    super(`${truncated ? 'Truncated' : 'Malformed'} XML in the response: ${reason}`, { outcomeUnknown: true, retryable: truncated, cause: readerError });
    this.truncated = truncated;
    if (readerError instanceof XmlReadError) {
      this.line = readerError.line;
      this.column = readerError.column;
    }
  }
}

/**
 * With `strictResponses: true`: the response was read, but some values did not fit their schema type
 * (see the reader's diagnostics). The server answered, so for operations that change the mailbox the
 * outcome is as unknown as with a response that could not be read.
 */
export class EwsStrictResponseError extends EwsError {
  override readonly name = 'EwsStrictResponseError';
  readonly diagnostics: readonly ReadDiagnostic[];

  constructor(diagnostics: readonly ReadDiagnostic[]) {
    super(`The response has values that do not fit the EWS schema (strictResponses): ${describeDiagnostics(diagnostics)}`, { outcomeUnknown: true });
    this.diagnostics = diagnostics.map((d) => ({ ...d, value: redact(d.value), message: redact(d.message) }));
  }
}

// ---------------------------------------------------------------------------------------------------
// No response at all

export class EwsTimeoutError extends EwsError {
  override readonly name = 'EwsTimeoutError';
  readonly timeoutMs: number;
  readonly requestSent: boolean;

  constructor(timeoutMs: number, requestSent: boolean) {
    super(`No complete response within ${timeoutMs} ms; ${sentClause(requestSent)}`, {
      retryable: true,
      outcomeUnknown: requestSent,
    });
    this.timeoutMs = timeoutMs;
    this.requestSent = requestSent;
  }
}

function sentClause(requestSent: boolean): string {
  return requestSent
    ? 'the request had been sent, so the server may have processed it'
    : 'the request had not been sent completely';
}

/** The network failed: refused, reset, unresolvable host, TLS verification. `code` is Node's (ECONNRESET…). */
export class EwsConnectionError extends EwsError {
  override readonly name = 'EwsConnectionError';
  readonly code: string;
  readonly requestSent: boolean;

  constructor(code: string, requestSent: boolean, description: string, cause?: unknown) {
    super(`${description} (${code}); ${sentClause(requestSent)}`, {
      retryable: !isTlsVerificationCode(code),
      outcomeUnknown: requestSent,
      cause,
    });
    this.code = code;
    this.requestSent = requestSent;
  }
}

/** Node's codes for a server certificate that could not be verified. Retrying does not help these. */
export function isTlsVerificationCode(code: string): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/.test(code);
}

/** The caller's AbortSignal fired. */
export class EwsAbortError extends EwsError {
  override readonly name = 'EwsAbortError';
  readonly requestSent: boolean;

  constructor(requestSent: boolean) {
    super(`The request was aborted by the caller; ${sentClause(requestSent)}`, { outcomeUnknown: requestSent });
    this.requestSent = requestSent;
  }
}

/**
 * The request does not validate against the EWS schema; nothing was sent. Each problem names the
 * property of the request object at fault and libxml2's message.
 */
export class EwsRequestValidationError extends EwsError {
  override readonly name = 'EwsRequestValidationError';
  readonly problems: readonly string[];
  /** The same problems, structured: object path, libxml2's message and element path. */
  readonly details: readonly RequestSchemaProblem[];

  constructor(problems: readonly string[], details: readonly RequestSchemaProblem[] = []) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super(`The request does not match the EWS schema and was not sent: ${shown}${more}`);
    this.problems = problems.map(redact);
    this.details = details.map((detail) => ({ ...detail, message: redact(detail.message), text: redact(detail.text) }));
  }
}
