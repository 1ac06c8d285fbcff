/**
 * Servers and proxies echo what they were sent: an error page listing the request headers, a JSON
 * dump, a fault quoting the credential, a redirect carrying it. Whatever the scheme (Basic, NTLM,
 * bearer) and whatever the encoding (as sent, without its scheme, URL-encoded, base64), no field of the
 * error the caller gets, nor a batch item's errorMessage, may carry it.
 */
import { inspect } from 'node:util';
import { ItemBatches } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import { basicAuth, bearerAuth, ntlmAuth, type AuthStrategy } from '../../src/client/auth';
import { EwsError } from '../../src/client/errors';
import { soapFault } from '../support/soap';
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from '../support/loopback-server';
import { ntlmProtected } from './helpers/ntlm-server';

const PASSWORD = 'Corr3ct-Horse!Battery';
const TOKEN = 'opaque.token-7f3a9c2e1b.secret~value';

/** Where the server puts the Authorization header it received. */
const ECHOES: Record<string, (authorization: string) => { status: number; headers?: Record<string, string>; body: string }> = {
  'a header dump': (auth) => ({ status: 400, headers: { 'content-type': 'text/plain' }, body: `Bad request. Received:\r\nAuthorization: ${auth}\r\ncredential=${auth.split(' ')[1]}` }),
  'an HTML table': (auth) => ({
    status: 200, headers: { 'content-type': 'text/html' },
    body: `<html><body><table><tr><td>${auth.split(' ')[1]}</td><td>${encodeURIComponent(auth)}</td></tr></table></body></html>`,
  }),
  'JSON': (auth) => ({ status: 403, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seen: auth.split(' ')[1], raw: auth }) }),
  'a SOAP fault': (auth) => ({
    status: 500, headers: { 'content-type': 'text/xml' },
    body: soapFault('ErrorAccessDenied', `Access denied for ${auth.split(' ')[1]} (${encodeURIComponent(auth)})`,
      `<t:Value Name="Credential">${auth.split(' ')[1]}</t:Value>`),
  }),
  'a Location header': (auth) => ({ status: 302, headers: { location: `https://portal.contoso.com/login?c=${encodeURIComponent(auth.split(' ')[1])}&raw=${encodeURIComponent(auth)}` }, body: '' }),
};

interface Scheme {
  readonly auth: () => AuthStrategy;
  /** Wraps the echoing handler as the scheme needs (NTLM: behind a handshake). */
  readonly serve: (echo: LoopbackHandler) => LoopbackHandler;
  /** What must never appear, once the request went out. */
  readonly secrets: (authorizationSent: string) => string[];
}

const SCHEMES: Record<string, Scheme> = {
  Basic: {
    auth: () => basicAuth('anna@contoso.com', PASSWORD),
    serve: (echo) => echo,
    secrets: (sent) => [PASSWORD, sent.split(' ')[1], encodeURIComponent(sent.split(' ')[1]), Buffer.from(PASSWORD).toString('base64'), encodeURIComponent(PASSWORD)],
  },
  bearer: {
    auth: () => bearerAuth(async () => TOKEN),
    serve: (echo) => echo,
    secrets: () => [TOKEN, encodeURIComponent(TOKEN), Buffer.from(TOKEN).toString('base64')],
  },
  NTLM: {
    auth: () => ntlmAuth({ username: 'anna', password: PASSWORD, domain: 'CONTOSO' }),
    serve: (echo) => ntlmProtected({ user: 'anna', domain: 'CONTOSO', password: PASSWORD }, echo).handler,
    secrets: (sent) => [PASSWORD, sent.split(' ')[1], encodeURIComponent(sent.split(' ')[1]), sent.split(' ')[1].slice(20, 60)],
  },
};

/** Every text an error shows: message, stack, JSON, inspect output (causes included). */
function everythingShown(error: unknown): string {
  return [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\n');
}

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(Object.keys(SCHEMES))('%s credentials echoed by the server', (schemeName) => {
  const scheme = SCHEMES[schemeName];

  it.each(Object.keys(ECHOES))('in %s: no field of the error carries them', async (echoName) => {
    let sent = '';
    server = await startLoopbackServer(scheme.serve((request, response) => {
      sent = request.headers.authorization ?? sent;
      const { status, headers, body } = ECHOES[echoName](sent);
      response.writeHead(status, headers);
      response.end(body);
    }));
    const client = new ExchangeClient({ url: server.url, auth: scheme.auth() });
    const error = await client.call('GetFolder', { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] })
      .then(() => undefined, (e: unknown) => e);
    client.close();

    expect(error).toBeInstanceOf(EwsError);
    expect(sent).not.toBe('');
    const shown = everythingShown(error);
    for (const secret of scheme.secrets(sent)) expect(shown).not.toContain(secret);
    expect(shown).toContain('[REDACTED]');
  });
});

it('a batch item failed by such a request carries no credential in its errorMessage or error', async () => {
  let sent = '';
  server = await startLoopbackServer((request, response) => {
    sent = request.headers.authorization ?? '';
    const { status, headers, body } = ECHOES['a SOAP fault'](sent);
    response.writeHead(status, headers);
    response.end(body);
  });
  const client = new ExchangeClient({ url: server.url, auth: basicAuth('anna@contoso.com', PASSWORD) });
  const result = await new ItemBatches(client).getItems(['id1'], 'IdOnly');
  client.close();
  const [response] = result.responses;
  expect(response.errorCode).toBe('ErrorAccessDenied');
  const shown = `${response.errorMessage}\n${JSON.stringify(response.errorDetails)}\n${everythingShown(response.error)}`;
  for (const secret of SCHEMES.Basic.secrets(sent)) expect(shown).not.toContain(secret);
});
