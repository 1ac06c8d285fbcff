/**
 * Decides, from the status, the headers and the first bytes of the body, whether a response is a SOAP
 * envelope to parse or which error it is. The body is sniffed, not trusted by Content-Type alone:
 * portals and proxies answer 200 with an HTML login page, and some servers label XML as text/html.
 */
import { STATUS_CODES } from 'node:http';
import {
  EwsAuthenticationError,
  EwsEndpointNotFoundError,
  EwsError,
  EwsHttpError,
  EwsRedirectError,
  EwsServerError,
  EwsThrottledError,
  EwsUnexpectedResponseError,
  type HttpFailure,
} from './errors';

/** How many characters of a body an error shows. */
export const BODY_PREVIEW_CHARS = 200;

export type BodyKind = 'xml' | 'html' | 'json' | 'text' | 'empty';

export type ResponseVerdict =
  | { readonly kind: 'soap' }
  | { readonly kind: 'error'; readonly error: EwsError };

/**
 * `headers` are lower-cased names (as Node delivers them). `firstBytes` is the start of the body
 * (a few hundred bytes are enough); empty when the body is empty.
 */
export function classifyHttpResponse(
  status: number,
  headers: Readonly<Record<string, string>>,
  firstBytes: Uint8Array,
): ResponseVerdict {
  const bodyKind = sniffBody(firstBytes);
  // Exchange answers SOAP faults with HTTP 500, so a 500 carrying XML is parsed like a 2xx.
  const soapStatus = (status >= 200 && status < 300) || status === 500;
  if (soapStatus && bodyKind === 'xml') return { kind: 'soap' };

  const failure: HttpFailure = {
    status,
    statusText: STATUS_CODES[status] ?? 'Unknown Status',
    contentType: headers['content-type'] ?? '',
    bodyPreview: Buffer.from(firstBytes).toString('utf8').slice(0, BODY_PREVIEW_CHARS),
  };
  return { kind: 'error', error: errorFor(failure, headers, bodyKind) };
}

function errorFor(failure: HttpFailure, headers: Readonly<Record<string, string>>, bodyKind: BodyKind): EwsError {
  const { status } = failure;
  if (status >= 200 && status < 300) {
    return new EwsUnexpectedResponseError(failure, describeKind(bodyKind), { outcomeUnknown: bodyKind === 'empty' });
  }
  if (status >= 300 && status < 400) return new EwsRedirectError(failure, headers['location']);
  if (status === 401 || status === 403) {
    return new EwsAuthenticationError(failure, offeredAuthSchemes(headers['www-authenticate']));
  }
  if (status === 404) return new EwsEndpointNotFoundError(failure);
  if (status === 429 || status === 503) {
    return new EwsThrottledError(failure, parseRetryAfter(headers['retry-after']));
  }
  if (status >= 500) return new EwsServerError(failure);
  return new EwsHttpError(failure);
}

function describeKind(kind: BodyKind): string {
  switch (kind) {
    case 'html':
      return 'an HTML page';
    case 'json':
      return 'JSON';
    case 'empty':
      return 'an empty body';
    default:
      return 'a non-XML body';
  }
}

const HTML_START = /^<(!doctype\s+html|html|head|body)[\s>]/i;

/** Classifies a body by its first non-whitespace bytes. */
export function sniffBody(firstBytes: Uint8Array): BodyKind {
  // latin1 maps bytes 1:1, enough to recognise ASCII markup without decoding multi-byte text.
  let start = Buffer.from(firstBytes.buffer, firstBytes.byteOffset, firstBytes.byteLength)
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart();
  if (start === '') return 'empty';
  if (start[0] === '{' || start[0] === '[') return 'json';
  if (start[0] !== '<') return 'text';
  // An XML declaration or comments may precede an (X)HTML root.
  start = start.replace(/^(<\?xml[^>]*\?>|<!--[\s\S]*?-->|\s)+/i, '');
  return HTML_START.test(start) ? 'html' : 'xml';
}

/** Scheme names of a WWW-Authenticate value: `Negotiate, NTLM` → ['Negotiate', 'NTLM']. */
export function offeredAuthSchemes(wwwAuthenticate: string | undefined): string[] {
  if (!wwwAuthenticate) return [];
  // Quoted parameter values may hold commas and words; blank them out first.
  const unquoted = wwwAuthenticate.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const schemes: string[] = [];
  // A challenge starts a list element with a token that is not a parameter name (no `=` after it).
  for (const match of unquoted.matchAll(/(?:^|,)\s*([A-Za-z][\w!#$%&'*+.^`|~-]*)(?!\s*=)(?=\s|,|$)/g)) {
    schemes.push(match[1]!);
  }
  return schemes;
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP-date. Undefined when absent or invalid. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
