import { redact } from '../../src/client/redact';

describe('redact', () => {
  it.each([
    ['an Authorization header line', 'Authorization: Basic YW5uYTpzZWNyZXQ=\r\nHost: x', 'Authorization: [REDACTED]\r\nHost: x'],
    ['a header in inspect output', "{ Authorization: 'Bearer abc.def.ghi' }", "{ Authorization: '[REDACTED]' }"],
    ['a header in JSON', '{"authorization":"NTLM TlRMTVNTUAADAAAA"}', '{"authorization":"[REDACTED]"}'],
    ['a Proxy-Authorization header', 'Proxy-Authorization: Basic eDp5', 'Proxy-Authorization: [REDACTED]'],
    ['credentials after a scheme name', 'sent Basic YW5uYTpzZWNyZXQ= to the server', 'sent Basic [REDACTED] to the server'],
    ['a bare NTLM message', 'token TlRMTVNTUAACAAAADAAMADgAAAA= seen', 'token [REDACTED] seen'],
    ['a JSON Web Token', 'got eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJld3MifQ.c2ln here', 'got [REDACTED] here'],
    ['password=value', 'login?user=anna&password=hunter2&x=1', 'login?user=anna&password=[REDACTED]&x=1'],
    ['"client_secret": "value"', '{"client_secret": "abc123"}', '{"client_secret": "[REDACTED]"}'],
    ['access_token in a query', '?access_token=abc.def&x', '?access_token=[REDACTED]&x'],
    ['user info in a URL', 'https://anna:hunter2@mail.contoso.com/EWS', 'https://[REDACTED]@mail.contoso.com/EWS'],
  ])('scrubs %s', (_what, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    'The server offers Negotiate, NTLM',
    'Basic authentication sends the password with every request',
    'NTLM Handshake failed; Bearer token expired',
    'WWW-Authenticate: Basic realm="contoso"',
    'Bearer error="invalid_token"',
    'https://mail.contoso.com/EWS/Exchange.asmx',
    'SOAP fault ErrorSchemaValidation: The request failed schema validation (line 2, position 654)',
  ])('leaves prose and non-secrets alone: %s', (input) => {
    expect(redact(input)).toBe(input);
  });
});
