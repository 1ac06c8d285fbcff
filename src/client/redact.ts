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
  // NTLM messages are base64 of "NTLMSSP\0…", recognisable even without their scheme name.
  [/TlRMTVNTUA[A-Za-z0-9+/]*=*/g, REDACTED],
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
