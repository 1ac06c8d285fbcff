/** Each candidate path of discover(), on loopback: the addressed hosts are routed to local servers. */
import { AutodiscoverCache, AutodiscoverError, discover } from '../../src/autodiscover';
import { EwsAbortError } from '../../src/client/errors';
import { EWS, originOf, routedSetup, serversClosedAfterEach } from './loopback';

const { simulator, loopback } = serversClosedAfterEach();

const setup = routedSetup;

describe('discover(): the candidate order', () => {
  it('asks https://<domain> first, over SOAP, and returns the settings a client needs', async () => {
    const { routes, options } = await setup();
    routes.route('https://contoso.com', originOf((await simulator()).url));
    const result = await discover('alice@contoso.com', options);
    expect(result).toMatchObject({
      email: 'alice@contoso.com', ewsUrl: EWS, externalEwsUrl: EWS, internalEwsUrl: EWS, anchorMailbox: 'alice@contoso.com',
      serverVersion: '15.1.2507', exchangeVersion: 'Exchange2016', protocol: 'soap', fromCache: false,
      autodiscoverUrl: 'https://contoso.com/autodiscover/autodiscover.svc', attempts: [],
    });
    expect(routes.connected).toEqual(['https://contoso.com/autodiscover/autodiscover.svc']);
  });

  it('falls back to POX on the same host when the SOAP endpoint is missing (404)', async () => {
    const { routes, options } = await setup();
    routes.route('https://contoso.com', originOf((await simulator({ autodiscover: { protocols: ['pox'] } })).url));
    const result = await discover('alice@contoso.com', options);
    expect(result).toMatchObject({ protocol: 'pox', ewsUrl: EWS, serverVersion: '15.1.2507', exchangeVersion: 'Exchange2016', ttlMs: 3_600_000 });
    expect(result.attempts).toEqual([expect.objectContaining({ target: 'https://contoso.com/autodiscover/autodiscover.svc', failure: 'not-found' })]);
  });

  it('tries https://autodiscover.<domain> next, skipping the second protocol of a host that cannot be reached', async () => {
    const { routes, options } = await setup();
    routes.route('https://autodiscover.contoso.com', originOf((await simulator()).url));
    const result = await discover('alice@contoso.com', options);
    expect(result.autodiscoverUrl).toBe('https://autodiscover.contoso.com/autodiscover/autodiscover.svc');
    expect(result.attempts).toEqual([{ method: 'POST', target: 'https://contoso.com/autodiscover/autodiscover.svc', protocol: 'soap', failure: 'connection', detail: expect.stringContaining('ECONNREFUSED') }]);
  });

  it('then follows the unauthenticated GET on http://autodiscover.<domain> to an https endpoint in the domain, sending it no credentials', async () => {
    const { routes, options } = await setup();
    const redirector = await loopback((_request, res) => {
      res.writeHead(302, { location: 'https://mail.contoso.com/autodiscover/autodiscover.xml' });
      res.end();
    });
    routes.route('http://autodiscover.contoso.com', redirector.origin);
    routes.route('https://mail.contoso.com', originOf((await simulator()).url));
    const result = await discover('alice@contoso.com', options);
    expect(result).toMatchObject({ protocol: 'pox', autodiscoverUrl: 'https://mail.contoso.com/autodiscover/autodiscover.xml', ewsUrl: EWS });
    expect(redirector.requests).toEqual([expect.objectContaining({ method: 'GET', path: '/autodiscover/autodiscover.xml', authorization: undefined })]);
    expect(result.attempts.map((a) => a.target)).toEqual([
      'https://contoso.com/autodiscover/autodiscover.svc', 'https://autodiscover.contoso.com/autodiscover/autodiscover.svc',
    ]);
  });

  it('then asks the DNS SRV record _autodiscover._tcp.<domain> (injected resolver), by priority then weight', async () => {
    const { routes, options } = await setup();
    routes.route('https://mail.contoso.com:8443', originOf((await simulator()).url));
    const asked: string[] = [];
    const result = await discover('alice@contoso.com', {
      ...options,
      resolveSrv: async (name) => {
        asked.push(name);
        return [
          { name: 'backup.contoso.com', port: 443, priority: 20, weight: 100 },
          { name: 'mail.contoso.com', port: 8443, priority: 10, weight: 50 },
          { name: 'light.contoso.com', port: 443, priority: 10, weight: 10 },
        ];
      },
    });
    expect(asked).toEqual(['_autodiscover._tcp.contoso.com']);
    expect(result.autodiscoverUrl).toBe('https://mail.contoso.com:8443/autodiscover/autodiscover.svc');
    expect(routes.connected).not.toContain('https://light.contoso.com/autodiscover/autodiscover.svc');
  });

  it.each(['soap', 'pox'] as const)('follows a redirectAddr answer (%s) to the other address and its domain, and says which mailbox it found', async (protocol) => {
    const { routes, options } = await setup();
    const sim = await simulator({ mailboxes: ['alice@fabrikam.com'], autodiscover: { redirectAddr: { 'alice@contoso.com': 'alice@fabrikam.com' } } });
    routes.route('https://contoso.com', originOf(sim.url));
    routes.route('https://fabrikam.com', originOf(sim.url));
    const result = await discover('alice@contoso.com', { ...options, protocols: [protocol] });
    expect(result).toMatchObject({ email: 'alice@contoso.com', smtpAddress: 'alice@fabrikam.com', anchorMailbox: 'alice@fabrikam.com', protocol });
    expect(result.autodiscoverUrl).toBe(`https://fabrikam.com/autodiscover/autodiscover.${protocol === 'soap' ? 'svc' : 'xml'}`);
  });

  it.each(['soap', 'pox'] as const)('follows a redirectUrl answer (%s) within the domain', async (protocol) => {
    const { routes, options } = await setup();
    const target = `https://ad2.contoso.com/autodiscover/autodiscover.${protocol === 'soap' ? 'svc' : 'xml'}`;
    const first = await simulator({ autodiscover: { redirectUrl: { 'alice@contoso.com': target } } });
    const second = await simulator();
    routes.route('https://contoso.com', originOf(first.url));
    routes.route('https://ad2.contoso.com', originOf(second.url));
    const result = await discover('alice@contoso.com', { ...options, protocols: [protocol] });
    expect(result).toMatchObject({ protocol, autodiscoverUrl: target, ewsUrl: EWS, attempts: [] });
  });

  it('follows an HTTP redirect of the authenticated POST within the domain, resolving a relative Location', async () => {
    const { routes, options } = await setup();
    const mover = await loopback((request, res) => {
      res.writeHead(301, { location: request.path.includes('moved') ? 'https://ad2.contoso.com/autodiscover/autodiscover.svc' : '/autodiscover/autodiscover.svc?moved=1' });
      res.end();
    });
    routes.route('https://contoso.com', mover.origin);
    routes.route('https://ad2.contoso.com', originOf((await simulator()).url));
    const result = await discover('alice@contoso.com', options);
    expect(result.autodiscoverUrl).toBe('https://ad2.contoso.com/autodiscover/autodiscover.svc');
    expect(routes.connected).toEqual([
      'https://contoso.com/autodiscover/autodiscover.svc', 'https://contoso.com/autodiscover/autodiscover.svc?moved=1',
      'https://ad2.contoso.com/autodiscover/autodiscover.svc',
    ]);
    expect(result.attempts).toEqual([]);
  });

  it('fails with an error that lists every candidate and why, in order', async () => {
    const { options } = await setup();
    const error = await discover('alice@contoso.com', { ...options, resolveSrv: async () => { throw Object.assign(new Error('queryTxt ENOTFOUND'), { code: 'ENOTFOUND' }); } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AutodiscoverError);
    const { attempts, message } = error as AutodiscoverError;
    expect(attempts.map((a) => [a.method, a.target, a.failure])).toEqual([
      ['POST', 'https://contoso.com/autodiscover/autodiscover.svc', 'connection'],
      ['POST', 'https://autodiscover.contoso.com/autodiscover/autodiscover.svc', 'connection'],
      ['GET', 'http://autodiscover.contoso.com/autodiscover/autodiscover.xml', 'connection'],
      ['SRV', '_autodiscover._tcp.contoso.com', 'dns'],
    ]);
    expect(message).toContain('Autodiscover failed for alice@contoso.com');
    expect(message).toContain('4. SRV _autodiscover._tcp.contoso.com: dns: SRV lookup failed (ENOTFOUND)');
  });
});

describe('discover(): cancellation', () => {
  it('stops with EwsAbortError when the signal is aborted, instead of trying the remaining candidates', async () => {
    const { routes, options } = await setup();
    const controller = new AbortController();
    controller.abort();
    await expect(discover('alice@contoso.com', { ...options, signal: controller.signal })).rejects.toBeInstanceOf(EwsAbortError);
    expect(routes.connected).toHaveLength(1);
  });
});

describe('discover(): the per-domain cache', () => {
  it('answers the next address of the domain from the cache without a request, for the TTL the answer gave', async () => {
    const { routes, options } = await setup();
    routes.route('https://contoso.com', originOf((await simulator({ autodiscover: { protocols: ['pox'], ttlHours: 2 } })).url));
    let now = 1_000_000;
    const persisted: unknown[] = [];
    const cache = new AutodiscoverCache({ now: () => now, onChange: (entries) => persisted.push(entries) });
    await discover('alice@contoso.com', { ...options, cache });
    const connections = routes.connected.length;
    const second = await discover('bob@Contoso.com', { ...options, cache });
    expect(routes.connected).toHaveLength(connections);
    expect(second).toMatchObject({ fromCache: true, email: 'bob@Contoso.com', anchorMailbox: 'bob@Contoso.com', ewsUrl: EWS, exchangeVersion: 'Exchange2016', protocol: 'pox' });
    expect(cache.get('contoso.com')?.expiresAt).toBe(1_000_000 + 2 * 3_600_000);
    expect(persisted.at(-1)).toEqual(cache.toJSON());

    // A persisted snapshot serves a new process; once expired, the domain is discovered again.
    const restored = new AutodiscoverCache({ entries: JSON.parse(JSON.stringify(cache)), now: () => now });
    expect(restored.get('contoso.com')?.ewsUrl).toBe(EWS);
    now += 2 * 3_600_000;
    expect(restored.get('contoso.com')).toBeUndefined();
    const third = await discover('alice@contoso.com', { ...options, cache });
    expect(third.fromCache).toBe(false);
    expect(routes.connected.length).toBeGreaterThan(connections);
  });

  it('does not cache an answer reached through redirectAddr, which belongs to that address only', async () => {
    const { routes, options } = await setup();
    const sim = await simulator({ mailboxes: ['alice@fabrikam.com'], autodiscover: { redirectAddr: { 'alice@contoso.com': 'alice@fabrikam.com' } } });
    routes.route('https://contoso.com', originOf(sim.url));
    routes.route('https://fabrikam.com', originOf(sim.url));
    const cache = new AutodiscoverCache();
    await discover('alice@contoso.com', { ...options, cache });
    expect(cache.toJSON()).toEqual([]);
  });

  it('drops malformed persisted entries instead of trusting them', () => {
    const cache = new AutodiscoverCache({ entries: [{ domain: 'contoso.com' } as never, { domain: 'x.com', ewsUrl: 'https://x/EWS', protocol: 'soap', autodiscoverUrl: 'https://x/a', expiresAt: Date.now() + 1000 }] });
    expect(cache.toJSON().map((e) => e.domain)).toEqual(['x.com']);
  });
});
