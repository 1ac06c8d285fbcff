/** X-AnchorMailbox from the impersonated mailbox, as the simulator receives it; an explicit header wins. */
import type { GetFolderType } from '../../generated/messages';
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient, type ExchangeClientOptions } from '../../src/client/exchange-client';
import { startSimulator, type RunningSimulator } from '../../src/simulator';

const ALICE = { username: 'alice@contoso.com', password: 'Simulator-1' };
const GET_INBOX: GetFolderType = { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] };

let sim: RunningSimulator;
let received: Record<string, string | string[] | undefined>[] = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 'anchor', users: [ALICE], mailboxes: ['bob@contoso.com', 'carol@contoso.com'], onRequest: (request) => received.push(request.headers) });
});
afterAll(() => sim.close());

async function anchorsOf(options: Partial<ExchangeClientOptions>, call: (client: ExchangeClient) => Promise<unknown>): Promise<unknown[]> {
  received = [];
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password), ...options });
  try {
    await call(client);
  } finally {
    client.close();
  }
  return received.map((headers) => headers['x-anchormailbox']);
}

describe('X-AnchorMailbox', () => {
  it('is the impersonated SMTP address, from the client option or the call, and absent without impersonation', async () => {
    expect(await anchorsOf({ impersonation: { smtpAddress: 'bob@contoso.com' } }, async (client) => {
      await client.call('GetFolder', GET_INBOX);
      await client.call('GetFolder', GET_INBOX, { impersonation: { primarySmtpAddress: 'carol@contoso.com' } });
    })).toEqual(['bob@contoso.com', 'carol@contoso.com']);
    expect(await anchorsOf({}, (client) => client.call('GetFolder', GET_INBOX))).toEqual([undefined]);
  });

  it('is not derived from a SID or a principal name, which need not be routable addresses', async () => {
    expect(await anchorsOf({ impersonation: { principalName: 'bob@contoso.com' } }, (client) => client.call('GetFolder', GET_INBOX))).toEqual([undefined]);
    // The simulator has no SIDs; the request fails, but what it carried is what counts here.
    expect(await anchorsOf({ impersonation: { sid: 'S-1-5-21-1-2-3-1118' } }, (client) => client.call('GetFolder', GET_INBOX).catch(() => undefined))).toEqual([undefined]);
  });

  it('gives way to an explicit header of the client or the call, whatever its letter case, and is sent once', async () => {
    expect(await anchorsOf({ impersonation: { smtpAddress: 'bob@contoso.com' }, headers: { 'x-anchormailbox': 'carol@contoso.com' } }, async (client) => {
      await client.call('GetFolder', GET_INBOX);
      await client.call('GetFolder', GET_INBOX, { headers: { 'X-AnchorMailbox': 'bob@contoso.com' } });
    })).toEqual(['carol@contoso.com', 'bob@contoso.com']);
  });

  it('comes without X-PreferServerAffinity, which belongs to notification subscriptions', async () => {
    await anchorsOf({ impersonation: { smtpAddress: 'bob@contoso.com' } }, (client) => client.call('GetFolder', GET_INBOX));
    expect(received[0]!['x-preferserveraffinity']).toBeUndefined();
  });
});
