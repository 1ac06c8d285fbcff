/**
 * Proxies: HTTPS_PROXY / HTTP_PROXY / NO_PROXY and the `proxy` option, through a local proxy to the
 * simulator: https tunnelled (CONNECT), http forwarded, NTLM through a tunnel, refusals as EwsProxyError.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GetFolderType } from '../../generated/messages';
import { basicAuth, bearerAuth, ntlmAuth, type AuthStrategy } from '../../src/client/auth';
import { ExchangeClient, type ExchangeClientOptions } from '../../src/client/exchange-client';
import { EwsProxyError } from '../../src/proxy';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';
import { startTestProxy, type TestProxy } from '../support/proxy-server';
import { expectNoSecrets } from '../client/helpers/secrets';

const ALICE = { username: 'alice@contoso.com', password: 'Pr0xy-Test-pw' };
const TOKEN = 'bearer-token-for-alice-42';
const FIXTURES = path.join(__dirname, '..', 'client', 'fixtures');
const CERT = readFileSync(path.join(FIXTURES, 'loopback-cert.pem'));
const TLS = { key: readFileSync(path.join(FIXTURES, 'loopback-key.pem')), cert: CERT };
const GET_INBOX: GetFolderType = { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] };
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

const opened: { close(): unknown }[] = [];
const savedEnvironment = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
function setEnvironment(values: Readonly<Record<string, string>>): void {
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, values);
}
afterEach(async () => {
  for (const resource of opened.splice(0).reverse()) await resource.close();
  for (const [name, value] of Object.entries(savedEnvironment)) if (value === undefined) delete process.env[name]; else process.env[name] = value;
});

async function simulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const sim = await startSimulator({ seed: 'proxy', users: [ALICE], ...options });
  opened.push(sim);
  return sim;
}
async function proxy(options: { credentials?: string } = {}): Promise<TestProxy> {
  const started = await startTestProxy(options);
  opened.push(started);
  return started;
}
function client(sim: RunningSimulator, auth: AuthStrategy, options: Partial<ExchangeClientOptions> = {}): ExchangeClient {
  const ews = new ExchangeClient({ url: sim.url, auth, ...(sim.url.startsWith('https:') && { tls: { ca: CERT } }), ...options });
  opened.push(ews);
  return ews;
}
const inboxCode = async (ews: ExchangeClient): Promise<string> => (await ews.call('GetFolder', GET_INBOX)).responseMessages[0]!.responseCode;
const authority = (url: string): string => new URL(url).host;

describe('proxies from the environment', () => {
  it('HTTPS_PROXY: an https request goes through a CONNECT tunnel, Basic credentials inside it', async () => {
    const sim = await simulator({ tls: TLS });
    const relay = await proxy();
    setEnvironment({ HTTPS_PROXY: relay.url });
    expect(await inboxCode(client(sim, basicAuth(ALICE.username, ALICE.password)))).toBe('NoError');
    expect(relay.records).toEqual([{ kind: 'connect', target: authority(sim.url), allowed: true }]);
  });

  it('http_proxy (lower case): a plain-http request is forwarded with its absolute URL, bearer token and all', async () => {
    const sim = await simulator({ authSchemes: ['Bearer'], bearerTokens: { [TOKEN]: ALICE.username } });
    const relay = await proxy();
    setEnvironment({ http_proxy: relay.url });
    const ews = client(sim, bearerAuth(async () => TOKEN));
    expect(await inboxCode(ews)).toBe('NoError');
    expect(await inboxCode(ews)).toBe('NoError');
    expect(relay.records).toEqual([{ kind: 'forward', target: sim.url, allowed: true }, { kind: 'forward', target: sim.url, allowed: true }]);
  });

  it('ALL_PROXY (either case) applies when no variable of the scheme is set', async () => {
    const sim = await simulator();
    const relay = await proxy();
    setEnvironment({ all_proxy: relay.url });
    expect(await inboxCode(client(sim, basicAuth(ALICE.username, ALICE.password)))).toBe('NoError');
    setEnvironment({ ALL_PROXY: relay.url });
    expect(await inboxCode(client(sim, basicAuth(ALICE.username, ALICE.password)))).toBe('NoError');
    expect(relay.records).toEqual([{ kind: 'forward', target: sim.url, allowed: true }, { kind: 'forward', target: sim.url, allowed: true }]);
  });

  it('NO_PROXY: a listed host is reached directly', async () => {
    const sim = await simulator({ tls: TLS });
    const relay = await proxy();
    setEnvironment({ HTTPS_PROXY: relay.url, HTTP_PROXY: relay.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(await inboxCode(client(sim, basicAuth(ALICE.username, ALICE.password)))).toBe('NoError');
    expect(relay.records).toEqual([]);
  });

  it('proxy: false ignores the environment; an explicit proxy URL overrides it', async () => {
    const sim = await simulator();
    const relay = await proxy();
    const other = await proxy();
    setEnvironment({ HTTP_PROXY: other.url });
    expect(await inboxCode(client(sim, basicAuth(ALICE.username, ALICE.password), { proxy: false }))).toBe('NoError');
    expect(await inboxCode(client(sim, basicAuth(ALICE.username, ALICE.password), { proxy: relay.url }))).toBe('NoError');
    expect(other.records).toEqual([]);
    expect(relay.records).toHaveLength(1);
  });
});

describe('proxy authentication', () => {
  const PROXY_USER = 'proxyuser';
  const PROXY_PASSWORD = 'proxy-S3cret:with@signs';
  const withCredentials = (url: string, password = PROXY_PASSWORD): string => url.replace('http://', `http://${PROXY_USER}:${encodeURIComponent(password)}@`);
  const proxySecrets = (password: string): string[] => [password, encodeURIComponent(password), Buffer.from(`${PROXY_USER}:${password}`).toString('base64')];

  it('sends the user info of the proxy URL as Proxy-Authorization, for tunnels and forwarding', async () => {
    const https = await simulator({ tls: TLS });
    const http = await simulator();
    const relay = await proxy({ credentials: `${PROXY_USER}:${PROXY_PASSWORD}` });
    expect(await inboxCode(client(https, basicAuth(ALICE.username, ALICE.password), { proxy: withCredentials(relay.url) }))).toBe('NoError');
    expect(await inboxCode(client(http, basicAuth(ALICE.username, ALICE.password), { proxy: withCredentials(relay.url) }))).toBe('NoError');
    expect(relay.records.map((record) => [record.kind, record.allowed])).toEqual([['connect', true], ['forward', true]]);
  });

  it('a 407 is an EwsProxyError naming the proxy without its credentials, whether tunnelled or forwarded', async () => {
    const https = await simulator({ tls: TLS });
    const http = await simulator();
    const relay = await proxy({ credentials: `${PROXY_USER}:${PROXY_PASSWORD}` });
    const wrong = 'Wrong-proxy-pass-1';
    for (const sim of [https, http]) {
      const error = await client(sim, basicAuth(ALICE.username, ALICE.password), { proxy: withCredentials(relay.url, wrong) }).call('GetFolder', GET_INBOX).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EwsProxyError);
      expect(error).toMatchObject({ status: 407, proxy: relay.url, retryable: false, outcomeUnknown: false });
      expect((error as Error).message).toBe(`Proxy ${relay.url}: rejected the credentials of the proxy URL (it offers Basic); 407 Proxy Authentication Required`);
      expectNoSecrets(error, [...proxySecrets(wrong), ...proxySecrets(PROXY_PASSWORD), ALICE.password]);
    }
    const anonymous = await client(https, basicAuth(ALICE.username, ALICE.password), { proxy: relay.url }).call('GetFolder', GET_INBOX).catch((e: unknown) => e);
    expect((anonymous as Error).message).toContain('requires authentication: put user and password in the proxy URL');
  });

  it('a proxy that cannot be reached is a retryable EwsProxyError, not a failure of the server', async () => {
    const sim = await simulator({ tls: TLS });
    const error = await client(sim, basicAuth(ALICE.username, ALICE.password), { proxy: `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:1` }).call('GetFolder', GET_INBOX).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'EwsProxyError', code: 'ECONNREFUSED', retryable: true, proxy: 'http://127.0.0.1:1' });
    expectNoSecrets(error, proxySecrets(PROXY_PASSWORD));
  });
});

describe('NTLM through a proxy', () => {
  it('works through a CONNECT tunnel to https: the handshake and later requests share one tunnel', async () => {
    const sim = await simulator({ tls: TLS, authSchemes: ['NTLM'] });
    const relay = await proxy();
    const ews = client(sim, ntlmAuth({ username: ALICE.username, password: ALICE.password }), { proxy: relay.url });
    expect(await inboxCode(ews)).toBe('NoError');
    expect(await inboxCode(ews)).toBe('NoError');
    expect(await inboxCode(ews)).toBe('NoError');
    expect(relay.records).toEqual([{ kind: 'connect', target: authority(sim.url), allowed: true }]);
    expect(relay.connections()).toBe(1);
  });

  it('is refused for a plain-http URL through a forward proxy, before any credential is sent', async () => {
    const sim = await simulator({ authSchemes: ['NTLM'] });
    const relay = await proxy();
    setEnvironment({ HTTP_PROXY: relay.url });
    const error = await client(sim, ntlmAuth({ username: ALICE.username, password: ALICE.password })).call('GetFolder', GET_INBOX).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsProxyError);
    expect((error as Error).message).toMatch(/NTLM cannot authenticate a plain-http EWS URL through a forward proxy.*No credentials were sent/);
    expect(relay.records).toEqual([]);
    expect(sim.requestCount()).toBe(0);
  });
});
