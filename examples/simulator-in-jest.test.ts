/**
 * Testing your own code against the embedded simulator with jest: a real EWS endpoint on loopback,
 * in-memory mailboxes, every request validated against the official schema. `npm test` runs this file.
 */
import { ExchangeClient, ItemBatches, basicAuth, findItems, isEqualTo } from 'typed-ews';
import { startSimulator, type RunningSimulator } from 'typed-ews/simulator';

/** Your code under test: the subjects of unread inbox messages. */
async function unreadSubjects(client: ExchangeClient): Promise<string[]> {
  const page = await findItems(client, {
    folder: 'inbox',
    view: { pageSize: 50 },
    restriction: isEqualTo('message:IsRead', false),
  });
  return page.items.map((item) => item.Subject ?? '');
}

describe('unreadSubjects', () => {
  let simulator: RunningSimulator;
  let client: ExchangeClient;

  beforeAll(async () => {
    simulator = await startSimulator({ users: [{ username: 'me@contoso.com', password: 'pw' }] });
    client = new ExchangeClient({ url: simulator.url, auth: basicAuth('me@contoso.com', 'pw'), validateRequests: true });
  });

  afterAll(async () => {
    client.close();
    await simulator.close();
  });

  it('lists only the unread messages of the inbox', async () => {
    await new ItemBatches(client).createItems([
      { $el: 'Message', Subject: 'read', IsRead: true },
      { $el: 'Message', Subject: 'new', IsRead: false },
    ], { messageDisposition: 'SaveOnly', savedItemFolderId: 'inbox' });
    expect(await unreadSubjects(client)).toEqual(['new']);
  });
});
