import { text } from 'node:stream/consumers';
import { basicAuth } from '../../src/client/auth/basic';
import { bearerAuth, type TokenProvider } from '../../src/client/auth/bearer';
import { EwsAuthenticationError } from '../../src/client/errors';
import { openSoapBody } from '../../src/client/soap-response';
import type { LoopbackServer } from '../support/loopback-server';
import { loopbackSession } from './helpers/loopback-session';
import { expectNoSecrets, rejectionOf } from './helpers/secrets';

const ENVELOPE = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>';
const PASSWORD = 'Pässw0rd!Secret';

const loopback = loopbackSession();

async function call(url: string): Promise<string> {
  return text(await openSoapBody(await loopback.transport.send({ url, body: ENVELOPE, headers: {} })));
}

describe('basicAuth', () => {
  it('sends Authorization: Basic base64(UTF-8 "user:password") with every request', async () => {
    const server = await loopback.serve((_request, response) => response.end(ENVELOPE));
    loopback.connect({ auth: basicAuth('anna@contoso.com', PASSWORD) });
    await call(server.url);
    await call(server.url);
    const expected = `Basic ${Buffer.from(`anna@contoso.com:${PASSWORD}`, 'utf8').toString('base64')}`;
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([expected, expected]);
  });

  it('a rejected password gives EwsAuthenticationError without the password, even when the server echoes the header', async () => {
    const server = await loopback.serve((request, response) => {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="contoso"', 'Content-Type': 'text/plain' });
      response.end(`Denied. Authorization: ${request.headers.authorization}`);
    });
    loopback.connect({ auth: basicAuth('anna', PASSWORD) });
    const error = await rejectionOf(call(server.url));
    expect(error).toBeInstanceOf(EwsAuthenticationError);
    expect((error as EwsAuthenticationError).bodyPreview).toBe('Denied. Authorization: [REDACTED]');
    expectNoSecrets(error, [PASSWORD, Buffer.from(`anna:${PASSWORD}`).toString('base64')]);
  });

  it('refuses a user name containing ":", which Basic cannot encode', () => {
    expect(() => basicAuth('a:b', 'x')).toThrow(TypeError);
  });
});

describe('bearerAuth', () => {
  function recordingProvider(tokens: string[]): TokenProvider & { calls: boolean[] } {
    const calls: boolean[] = [];
    const provider = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      calls.push(forceRefresh);
      return tokens[Math.min(calls.length, tokens.length) - 1]!;
    };
    return Object.assign(provider, { calls });
  }

  /** Accepts only `valid`; answers 401 like Exchange Online otherwise. */
  async function serverAccepting(valid: string): Promise<LoopbackServer> {
    return loopback.serve((request, response) => {
      if (request.headers.authorization === `Bearer ${valid}`) return void response.end(ENVELOPE);
      response.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }).end();
    });
  }

  it('sends the provider token; no refresh while the server accepts it', async () => {
    const server = await serverAccepting('token-1');
    const provider = recordingProvider(['token-1']);
    loopback.connect({ auth: bearerAuth(provider) });
    await call(server.url);
    await call(server.url);
    expect(provider.calls).toEqual([false, false]);
  });

  it('on 401 asks the provider once for a forced refresh and retries once with the new token', async () => {
    const server = await serverAccepting('fresh-token');
    const provider = recordingProvider(['stale-token', 'fresh-token']);
    loopback.connect({ auth: bearerAuth(provider) });
    expect(await call(server.url)).toBe(ENVELOPE);
    expect(provider.calls).toEqual([false, true]);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer stale-token', 'Bearer fresh-token']);
    expect(server.requests[1]!.body).toBe(ENVELOPE);
  });

  it('when the refreshed token is rejected too: EwsAuthenticationError, exactly one refresh, no token in the error', async () => {
    const server = await serverAccepting('never');
    const provider = recordingProvider(['eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJld3MifQ.c2lnbmF0dXJl', 'second-secret-token-value']);
    loopback.connect({ auth: bearerAuth(provider) });
    const error = await rejectionOf(call(server.url));
    expect(error).toBeInstanceOf(EwsAuthenticationError);
    expect((error as EwsAuthenticationError).offeredSchemes).toEqual(['Bearer']);
    expect(provider.calls).toEqual([false, true]);
    expect(server.requests).toHaveLength(2);
    expectNoSecrets(error, ['eyJhbGciOiJSUzI1NiJ9', 'second-secret-token-value']);
  });

  it('concurrent requests rejected together share one forced refresh while it is in flight', async () => {
    // The three 401s leave together once all three requests are in, and the refresh stays in flight for
    // a number of event-loop turns, not of milliseconds: a busy machine cannot stretch one request past it.
    const held: Array<() => void> = [];
    const server = await loopback.serve((request, response) => {
      if (request.headers.authorization === 'Bearer fresh-token') return void response.end(ENVELOPE);
      held.push(() => response.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }).end());
      if (held.length === 3) for (const reject of held) reject();
    });
    let refreshes = 0;
    const slowRefresh: TokenProvider = async ({ forceRefresh }) => {
      if (!forceRefresh) return 'stale-token';
      refreshes += 1;
      for (let turn = 0; turn < 200; turn++) await new Promise((resolve) => setImmediate(resolve));
      return 'fresh-token';
    };
    loopback.connect({ auth: bearerAuth(slowRefresh) });
    await Promise.all([call(server.url), call(server.url), call(server.url)]);
    expect(refreshes).toBe(1);
    expect(server.requests.filter((request) => request.headers.authorization === 'Bearer fresh-token')).toHaveLength(3);
  });

  it("passes the provider's own error through unchanged", async () => {
    const server = await serverAccepting('x');
    const failure = new Error('interaction required');
    loopback.connect({ auth: bearerAuth(async () => Promise.reject(failure)) });
    expect(await rejectionOf(call(server.url))).toBe(failure);
    expect(server.requests).toHaveLength(0);
  });
});
