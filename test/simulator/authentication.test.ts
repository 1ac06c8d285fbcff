/** The simulator's sign-in: Basic by default; NTLM (connection-bound) and bearer tokens when offered; https with a test certificate. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GetFolderType } from '../../generated/messages';
import { basicAuth, bearerAuth, ntlmAuth, type AuthStrategy } from '../../src/client/auth';
import { EwsAuthenticationError } from '../../src/client/errors';
import { ExchangeClient } from '../../src/client/exchange-client';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';

const ALICE = { username: 'alice@contoso.com', password: 'Simulator-1' };
const FIXTURES = path.join(__dirname, '..', 'client', 'fixtures');
const TLS = { key: readFileSync(path.join(FIXTURES, 'loopback-key.pem')), cert: readFileSync(path.join(FIXTURES, 'loopback-cert.pem')) };
const GET_INBOX: GetFolderType = { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] };

async function withSimulator(options: SimulatorOptions, auth: AuthStrategy, run: (client: ExchangeClient, sim: RunningSimulator) => Promise<void>): Promise<void> {
  const sim = await startSimulator({ seed: 'auth-test', users: [ALICE], ...options });
  const client = new ExchangeClient({ url: sim.url, auth, ...(options.tls && { tls: { ca: options.tls.cert } }) });
  try {
    await run(client, sim);
  } finally {
    client.close();
    await sim.close();
  }
}

describe('simulator authentication', () => {
  it('signs in with NTLM as user@domain and as DOMAIN\\user, the handshake once per connection', async () => {
    const authorizations: (string | undefined)[] = [];
    const options: SimulatorOptions = { authSchemes: ['NTLM'], onRequest: (request) => authorizations.push(request.headers.authorization) };
    await withSimulator(options, ntlmAuth({ username: ALICE.username, password: ALICE.password }), async (client) => {
      expect((await client.call('GetFolder', GET_INBOX)).responseMessages[0].responseCode).toBe('NoError');
      expect((await client.call('GetFolder', GET_INBOX)).responseMessages[0].responseCode).toBe('NoError');
    });
    // The first request carried AUTHENTICATE; the second went on the authenticated connection without credentials.
    expect(authorizations.map((value) => value?.split(' ')[0])).toEqual(['NTLM', undefined]);
    await withSimulator({ authSchemes: ['NTLM'] }, ntlmAuth({ username: 'CONTOSO\\alice', password: ALICE.password }), async (client) => {
      expect((await client.call('GetFolder', GET_INBOX)).responseMessages[0].responseCode).toBe('NoError');
    });
  });

  it('refuses a wrong NTLM password with an authentication error offering NTLM', async () => {
    await withSimulator({ authSchemes: ['NTLM'] }, ntlmAuth({ username: ALICE.username, password: 'not-it-7' }), async (client) => {
      const error = await client.call('GetFolder', GET_INBOX).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EwsAuthenticationError);
      expect((error as EwsAuthenticationError).offeredSchemes).toEqual(['NTLM']);
    });
  });

  it('accepts the bearer tokens it was given over https, and refuses others', async () => {
    const options: SimulatorOptions = { authSchemes: ['Bearer'], bearerTokens: { 'token-of-alice-123': ALICE.username }, tls: TLS };
    await withSimulator(options, bearerAuth(async () => 'token-of-alice-123'), async (client, sim) => {
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx$/);
      expect((await client.call('GetFolder', GET_INBOX)).responseMessages[0].responseCode).toBe('NoError');
    });
    await withSimulator(options, bearerAuth(async () => 'someone-elses-token'), async (client) => {
      await expect(client.call('GetFolder', GET_INBOX)).rejects.toBeInstanceOf(EwsAuthenticationError);
    });
  });

  it('offers only its schemes: Basic credentials are refused by an NTLM-only simulator', async () => {
    await withSimulator({ authSchemes: ['NTLM', 'Bearer'] }, basicAuth(ALICE.username, ALICE.password), async (client) => {
      const error = await client.call('GetFolder', GET_INBOX).catch((e: unknown) => e);
      expect((error as EwsAuthenticationError).offeredSchemes).toEqual(['NTLM', 'Bearer']);
    });
  });
});
