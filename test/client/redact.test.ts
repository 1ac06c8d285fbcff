import { redact, redactKnown, scrubError, secretForms } from '../../src/client/redact';

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

describe('secretForms and redactKnown', () => {
  const forms = secretForms(['hunter2-long', 'x']);

  it.each([
    ['as is', 'password was hunter2-long.'],
    ['URL-encoded', `q=${encodeURIComponent('a hunter2-long&b')}`],
    ['base64', `seen ${Buffer.from('hunter2-long').toString('base64')} in a header`],
    ['base64 without padding', `seen ${Buffer.from('hunter2-long').toString('base64').replace(/=+$/, '')}!`],
    ['HTML-escaped', '<td>hunter2-long</td>'],
  ])('scrubs a known secret %s', (_how, text) => {
    expect(redactKnown(text, forms)).not.toMatch(/hunter2|aHVudGVyMi1sb25n/);
    expect(redactKnown(text, forms)).toContain('[REDACTED]');
  });

  it('leaves secrets too short to scrub by value alone, so messages are not mangled', () => {
    expect(redactKnown('x marks the spot', forms)).toBe('x marks the spot');
  });

  it('scrubs a URL-encoded NTLM message by its pattern', () => {
    expect(redact('c=TlRMTVNTUAADAAAAGAAYAEgAAAD%2BAQAA%2F%3D%3D&x=1')).toBe('c=[REDACTED]&x=1');
  });

  it('scrubError reaches message, stack, fields, nested values and causes', () => {
    const cause = new Error('inner hunter2-long');
    const error = Object.assign(new Error('outer hunter2-long', { cause }), { values: { k: 'v hunter2-long' }, problems: ['p hunter2-long'] });
    scrubError(error, forms);
    expect(JSON.stringify([error.message, error.stack, error.values, error.problems, cause.message, cause.stack])).not.toContain('hunter2');
  });
});
