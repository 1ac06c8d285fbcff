/**
 * The one place that scrubs secrets out of text before it reaches an error message, a stack or a log.
 *
 * It works on patterns, not on a registry of known secrets: keeping every password and token in a
 * global list "to mask them later" would itself retain the secrets for the life of the process.
 * Credentials never enter our messages in the first place; this catches what other parties echo
 * (an HTML error page repeating the Authorization header, a URL with user info, a token in a cause).
 */

export const REDACTED = '[REDACTED]';

/** Each entry replaces what it matches; `$1`… keep the non-secret context (header or parameter name). */
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // Authorization and Proxy-Authorization header values, in any quoting (HTTP dumps, JSON, inspect output).
  [/(authorization["']?\s*[:=]\s*["']?)[^\r\n"',}]+/gi, `$1${REDACTED}`],
  // Credentials after an auth scheme: `Basic dXNlcjpwYXNz`, `Bearer abc.def`, `NTLM TlRMTVNT…`. A word
  // after the scheme is prose ("Basic authentication", "NTLM Handshake"), not a credential.
  [/\b(Basic|Bearer|NTLM|Negotiate)\s+(?![A-Za-z][a-z]*\b)[A-Za-z0-9\-._~+/]+=*/g, `$1 ${REDACTED}`],
  // NTLM messages are base64 of "NTLMSSP\0…", recognisable even without their scheme name, URL-encoded too.
  [/TlRMTVNTUA(?:[A-Za-z0-9+/]|%2[BbFf])*(?:=|%3[Dd])*/g, REDACTED],
  // JSON Web Tokens (Entra ID access tokens) wherever they appear.
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  // key=value and "key": "value" pairs whose key names a secret.
  [
    /\b(password|passwd|pwd|secret|client_secret|access_token|refresh_token|id_token|token|api[_-]?key)(["']?\s*[:=]\s*["']?)[^"'\s&,;}]+/gi,
    `$1$2${REDACTED}`,
  ],
  // User info in URLs: https://user:password@host/ keeps only the scheme and host.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, `$1${REDACTED}@`],
];

/** Returns `text` with every recognisable secret replaced by `[REDACTED]`. */
export function redact(text: string): string {
  let result = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/** Header names whose values are credentials or sessions: never shown, whatever they hold. */
const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-backendoverridecookie']);

/** HTTP headers fit to show: credential and session headers replaced whole, every other value scrubbed of `forms` and known patterns. */
export function redactHeaders(headers: Readonly<Record<string, string>>, forms: readonly string[]): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) shown[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactKnown(value, forms);
  return shown;
}

/** Secrets shorter than this are not scrubbed by value: replacing "abc" everywhere would mangle messages. */
const MIN_SECRET_CHARS = 4;

/**
 * The forms in which a credential the client sent may come back in a server's text: as is, URL-encoded,
 * HTML- and JSON-escaped, and base64 (padded, bare, URL-safe, URL-encoded), longest first. The caller
 * holds the secrets already (an auth strategy must, to authenticate); nothing here keeps them.
 */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_CHARS) continue;
    const base64 = Buffer.from(secret, 'utf8').toString('base64');
    const bare = base64.replace(/=+$/, '');
    for (const form of [
      secret, encodeURIComponent(secret), escapeHtml(secret), JSON.stringify(secret).slice(1, -1),
      base64, bare, encodeURIComponent(base64), bare.replace(/\+/g, '-').replace(/\//g, '_'),
    ]) {
      if (form.length >= MIN_SECRET_CHARS) forms.add(form);
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of the given forms (see secretForms) and every recognisable secret replaced. */
export function redactKnown(text: string, forms: readonly string[]): string {
  let result = text;
  for (const form of forms) if (result.includes(form)) result = result.split(form).join(REDACTED);
  return redact(result);
}

/**
 * Scrubs the given secret forms out of every string an error carries: its message and stack, each field
 * (bodyPreview, faultString, messageText, location, values, problems, diagnostics…) and its causes.
 * Errors are changed in place: they were made by this library and are about to be thrown.
 */
export function scrubError<E>(error: E, forms: readonly string[]): E {
  if (forms.length > 0) scrubValue(error, forms, new Set(), 0);
  return error;
}

const MAX_SCRUB_DEPTH = 6;

function scrubValue(value: unknown, forms: readonly string[], seen: Set<object>, depth: number): unknown {
  if (typeof value === 'string') return redactKnown(value, forms);
  if (value === null || typeof value !== 'object' || seen.has(value) || depth > MAX_SCRUB_DEPTH || Object.isFrozen(value)) return value;
  seen.add(value);
  const record = value as Record<string, unknown>;
  const keys = value instanceof Error ? [...new Set(['message', 'stack', 'cause', ...Object.keys(value)])] : Object.keys(value);
  for (const key of keys) {
    const scrubbed = scrubValue(record[key], forms, seen, depth + 1);
    if (scrubbed !== record[key]) record[key] = scrubbed;
  }
  return value;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
