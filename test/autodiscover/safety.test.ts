/** Each refusal of discover(): where credentials may not go, and the limits on redirects. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AutodiscoverError, discover, type RedirectionContext } from '../../src/autodiscover';
import { basicAuth } from '../../src/client/auth';
import { originOf, PASSWORD, routedSetup, serversClosedAfterEach, type Handler } from './loopback';

const BASIC_CREDENTIALS = Buffer.from(`alice@contoso.com:${PASSWORD}`).toString('base64');
const fixtures = path.join(__dirname, '../fixtures/autodiscover');
const { simulator, loopback } = serversClosedAfterEach();

const setup = routedSetup;

/** A POX endpoint that answers every request with a redirectUrl to `target(n)` (n = 1, 2, …). */
function redirectingPox(target: (n: number) => string): Handler {
  let n = 0;
  return (_request, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end('<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">'
      + '<Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"><Account>'
      + `<AccountType>email</AccountType><Action>redirectUrl</Action><RedirectUrl>${target(++n)}</RedirectUrl></Account></Response></Autodiscover>`);
  };
}

async function failure(promise: Promise<unknown>): Promise<AutodiscoverError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AutodiscoverError);
  return error as AutodiscoverError;
}

function expectNoSecret(error: AutodiscoverError): void {
  for (const text of [error.message, error.stack ?? '', JSON.stringify(error)]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(BASIC_CREDENTIALS);
  }
}

describe('discover(): where credentials never go', () => {
  it('refuses a redirectUrl to plain http and never connects there', async () => {
    const { routes, options } = await setup();
    routes.route('https://contoso.com', (await loopback(redirectingPox(() => 'http://ad2.contoso.com/autodiscover/autodiscover.xml'))).origin);
    const error = await failure(discover('alice@contoso.com', { ...options, protocols: ['pox'] }));
    expect(error.attempts[0]).toEqual({ method: 'POST', target: 'http://ad2.contoso.com/autodiscover/autodiscover.xml', protocol: 'pox', failure: 'refused', detail: 'credentials are never sent over http' });
    expect(routes.connected.some((url) => url.startsWith('http://ad2.'))).toBe(false);
  });

  it('refuses the unauthenticated GET redirect when it points to plain http', async () => {
    const { routes, options } = await setup();
    const redirector = await loopback((_request, res) => {
      res.writeHead(302, { location: 'http://mail.contoso.com/autodiscover/autodiscover.xml' });
      res.end();
    });
    routes.route('http://autodiscover.contoso.com', redirector.origin);
    const error = await failure(discover('alice@contoso.com', options));
    expect(error.attempts).toContainEqual(expect.objectContaining({ target: 'http://mail.contoso.com/autodiscover/autodiscover.xml', failure: 'refused', detail: 'credentials are never sent over http' }));
  });

  it('refuses a redirect target outside the domain unless validateRedirectionUrl approves it, and says so', async () => {
    const { routes, options } = await setup();
    const outsider = await simulator();
    routes.route('https://contoso.com', (await loopback(redirectingPox(() => 'https://autodiscover.hoster.net/autodiscover/autodiscover.xml'))).origin);
    routes.route('https://autodiscover.hoster.net', originOf(outsider.url));

    const refused = await failure(discover('alice@contoso.com', { ...options, protocols: ['pox'] }));
    expect(refused.attempts[0]).toMatchObject({ target: 'https://autodiscover.hoster.net/autodiscover/autodiscover.xml', failure: 'refused' });
    expect(refused.attempts[0].detail).toBe('autodiscover.hoster.net (from a redirectUrl answer) is outside contoso.com; pass validateRedirectionUrl to allow it');
    expect(routes.connected.some((url) => url.includes('hoster.net'))).toBe(false);

    const declined = await failure(discover('alice@contoso.com', { ...options, protocols: ['pox'], validateRedirectionUrl: () => false }));
    expect(declined.attempts[0].detail).toContain('validateRedirectionUrl refused it');

    const asked: [string, RedirectionContext][] = [];
    const approved = await discover('alice@contoso.com', {
      ...options, protocols: ['pox'], validateRedirectionUrl: async (url, context) => { asked.push([url, context]); return true; },
    });
    expect(approved.autodiscoverUrl).toBe('https://autodiscover.hoster.net/autodiscover/autodiscover.xml');
    expect(asked).toEqual([['https://autodiscover.hoster.net/autodiscover/autodiscover.xml', {
      reason: 'redirect-url', email: 'alice@contoso.com', domain: 'contoso.com', from: 'https://contoso.com/autodiscover/autodiscover.xml',
    }]]);
  });

  it.each(['https://contoso.com.hoster.net/autodiscover/autodiscover.xml', 'https://evilcontoso.com/autodiscover/autodiscover.xml'])(
    'does not take the look-alike host %s for the domain', async (target) => {
      const { routes, options } = await setup();
      routes.route('https://contoso.com', (await loopback(redirectingPox(() => target))).origin);
      const error = await failure(discover('alice@contoso.com', { ...options, protocols: ['pox'] }));
      expect(error.attempts[0]).toMatchObject({ target, failure: 'refused', detail: expect.stringContaining('is outside contoso.com') });
      expect(routes.connected).not.toContain(target);
    },
  );

  it('refuses an SRV target outside the domain without approval, and uses it with approval', async () => {
    const { routes, options } = await setup();
    routes.route('https://mail.hoster.net', originOf((await simulator()).url));
    const resolveSrv = async () => [{ name: 'mail.hoster.net', port: 443, priority: 0, weight: 0 }];
    const refused = await failure(discover('alice@contoso.com', { ...options, resolveSrv }));
    expect(refused.attempts.at(-1)).toMatchObject({ target: 'https://mail.hoster.net/autodiscover/autodiscover.xml', failure: 'refused', detail: expect.stringContaining('from a DNS SRV record') });
    expect(routes.connected.some((url) => url.includes('hoster.net'))).toBe(false);
    const approved = await discover('alice@contoso.com', { ...options, resolveSrv, validateRedirectionUrl: (_url, context) => context.reason === 'srv' });
    expect(approved.autodiscoverUrl).toBe('https://mail.hoster.net/autodiscover/autodiscover.svc');
  });

  it('refuses the unauthenticated GET redirect to a host outside the domain without approval', async () => {
    const { routes, options } = await setup();
    const redirector = await loopback((_request, res) => {
      res.writeHead(302, { location: 'https://autodiscover.hoster.net/autodiscover/autodiscover.xml' });
      res.end();
    });
    routes.route('http://autodiscover.contoso.com', redirector.origin);
    const error = await failure(discover('alice@contoso.com', options));
    expect(error.attempts).toContainEqual(expect.objectContaining({ failure: 'refused', detail: expect.stringContaining('from the unauthenticated HTTP redirect') }));
  });

  it('reports a wrong password as unauthorized on each endpoint, without the password in the error', async () => {
    const { routes, options } = await setup();
    routes.route('https://contoso.com', originOf((await simulator()).url));
    const error = await failure(discover('alice@contoso.com', { ...options, auth: basicAuth('alice@contoso.com', `${PASSWORD}-wrong`) }));
    expect(error.attempts.slice(0, 2).map((a) => [a.protocol, a.failure])).toEqual([['soap', 'unauthorized'], ['pox', 'unauthorized']]);
    expect(error.message).toContain('401');
    expectNoSecret(error);
  });
});

describe('discover(): redirect limits', () => {
  it('stops after 10 redirects with the reason, having made 11 requests', async () => {
    const { routes, options } = await setup();
    const endless = await loopback(redirectingPox((n) => `https://contoso.com/autodiscover/autodiscover.xml?hop=${n}`));
    routes.route('https://contoso.com', endless.origin);
    const error = await failure(discover('alice@contoso.com', { ...options, protocols: ['pox'] }));
    expect(error.message).toContain('more than 10 redirects');
    expect(endless.requests).toHaveLength(11);
    expectNoSecret(error);
  });

  it('honours a lower maxRedirects, and never more than 10', async () => {
    const { routes, options } = await setup();
    const endless = await loopback(redirectingPox((n) => `https://contoso.com/autodiscover/autodiscover.xml?hop=${n}`));
    routes.route('https://contoso.com', endless.origin);
    await failure(discover('alice@contoso.com', { ...options, protocols: ['pox'], maxRedirects: 2 }));
    expect(endless.requests).toHaveLength(3);
    endless.requests.length = 0;
    await failure(discover('alice@contoso.com', { ...options, protocols: ['pox'], maxRedirects: 50 }));
    expect(endless.requests).toHaveLength(11);
  });

  it('detects a redirectUrl loop and moves on to the next candidate', async () => {
    const { routes, options } = await setup();
    const a = await loopback(redirectingPox(() => 'https://b.contoso.com/autodiscover/autodiscover.xml'));
    const b = await loopback(redirectingPox(() => 'https://contoso.com/autodiscover/autodiscover.xml'));
    routes.route('https://contoso.com', a.origin);
    routes.route('https://b.contoso.com', b.origin);
    routes.route('https://autodiscover.contoso.com', originOf((await simulator()).url));
    const result = await discover('alice@contoso.com', { ...options, protocols: ['pox'] });
    expect(result.autodiscoverUrl).toBe('https://autodiscover.contoso.com/autodiscover/autodiscover.xml');
    expect(result.attempts).toEqual([expect.objectContaining({ target: 'https://contoso.com/autodiscover/autodiscover.xml', failure: 'refused', detail: expect.stringContaining('redirect loop') })]);
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
  });

  it('stops a redirectAddr loop between two addresses', async () => {
    const { routes, options } = await setup();
    const sim = await simulator({ autodiscover: { redirectAddr: { 'alice@contoso.com': 'alice@fabrikam.com', 'alice@fabrikam.com': 'alice@contoso.com' } } });
    routes.route('https://contoso.com', originOf(sim.url));
    routes.route('https://fabrikam.com', originOf(sim.url));
    const error = await failure(discover('alice@contoso.com', options));
    expect(error.message).toContain('redirect loop');
    expect(error.attempts.at(-1)?.detail).toContain('redirectAddr to alice@contoso.com, which was already asked');
  });
});

describe('discover(): failures named by kind', () => {
  it('tls: a certificate that cannot be verified', async () => {
    const { routes, options } = await setup();
    const tls = { key: readFileSync(path.join(fixtures, 'selfsigned-key.pem')), cert: readFileSync(path.join(fixtures, 'selfsigned-cert.pem')) };
    const server = await loopback((_request, res) => res.end(), tls);
    routes.route('https://contoso.com', server.origin);
    const error = await failure(discover('alice@contoso.com', options));
    expect(error.attempts[0]).toMatchObject({ target: 'https://contoso.com/autodiscover/autodiscover.svc', failure: 'tls', detail: expect.stringContaining('SELF_SIGNED') });
    expect(server.requests).toHaveLength(0);
  });

  it('timeout: a server that never answers, within the per-request deadline', async () => {
    const { routes, options } = await setup();
    const silent = await loopback(() => undefined);
    routes.route('https://contoso.com', silent.origin);
    const error = await failure(discover('alice@contoso.com', { ...options, timeoutMs: 300 }));
    expect(error.attempts[0]).toMatchObject({ failure: 'timeout' });
    expect(error.retryable).toBe(true);
  });

  it('invalid-response: an HTML page where the XML answer should be', async () => {
    const { routes, options } = await setup();
    routes.route('https://contoso.com', (await loopback((_request, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html><body>Sign in</body></html>'); })).origin);
    const error = await failure(discover('alice@contoso.com', { ...options, protocols: ['pox'] }));
    expect(error.attempts[0]).toMatchObject({ failure: 'invalid-response', detail: expect.stringContaining('HTML') });
  });

  it('server-error: an unknown mailbox, in both protocols', async () => {
    const { routes, options } = await setup();
    routes.route('https://contoso.com', originOf((await simulator()).url));
    const error = await failure(discover('nobody@contoso.com', options));
    expect(error.attempts.slice(0, 2)).toEqual([
      expect.objectContaining({ protocol: 'soap', failure: 'server-error', detail: "InvalidUser: Invalid user: 'nobody@contoso.com'" }),
      expect.objectContaining({ protocol: 'pox', failure: 'server-error', detail: "500: The email address can't be found." }),
    ]);
  });

  it('rejects what is not an email address before any request', async () => {
    const { routes, options } = await setup();
    await expect(discover('alice', options)).rejects.toThrow(TypeError);
    await expect(discover('alice@-bad-.com', options)).rejects.toThrow(TypeError);
    expect(routes.connected).toEqual([]);
  });
});
