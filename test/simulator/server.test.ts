/** The simulator's SOAP shell over real HTTP: auth, validation faults, versions, impersonation, quirks and fault injection. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicAuth } from '../../src/client/auth';
import { EwsAuthenticationError, EwsConnectionError, EwsSoapFaultError, EwsThrottledError } from '../../src/client/errors';
import { ExchangeClient } from '../../src/client/exchange-client';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';
import { seedCreateItem, seedGroupedFindItem } from '../support/seed-requests';

const ALICE = { username: 'alice@contoso.com', password: 'Simulator-1' };
const ATTENDEES = ['bob@contoso.com', 'carol@contoso.com', 'dave@contoso.com'];

async function withSimulator(options: SimulatorOptions, run: (sim: RunningSimulator, client: ExchangeClient) => Promise<void>): Promise<void> {
  const sim = await startSimulator({ seed: 'server-test', mailboxes: ATTENDEES, ...options });
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password) });
  try {
    await run(sim, client);
  } finally {
    client.close();
    await sim.close();
  }
}

/** Sends a message from `from` to alice's inbox through the simulator (SendAndSaveCopy delivers locally). */
async function deliverTo(client: ExchangeClient, subjects: string[]): Promise<void> {
  await client.call('CreateItem', {
    MessageDisposition: 'SendAndSaveCopy',
    Items: subjects.map((Subject) => ({ $el: 'Message' as const, Subject, ToRecipients: [{ EmailAddress: 'alice@contoso.com' }] })),
  });
}

const rawPost = (url: string, body: string) => fetch(url, {
  method: 'POST', body, headers: { 'content-type': 'text/xml', authorization: `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}` },
});

describe('simulator SOAP endpoint', () => {
  it('refuses wrong credentials with 401 and a Basic challenge', async () => {
    await withSimulator({}, async (sim) => {
      const client = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, 'wrong') });
      const error = await client.call('GetFolder', { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] }).catch((e) => e);
      expect(error).toBeInstanceOf(EwsAuthenticationError);
      expect(error.offeredSchemes).toEqual(['Basic']);
    });
  });

  it('answers a schema-invalid request with ErrorSchemaValidation naming line and position, as Exchange does', async () => {
    await withSimulator({}, async (_sim, client) => {
      const error = await client.call('GetItem', { ItemIds: [{ $el: 'ItemId', Id: 'x' }] } as never).catch((e) => e);
      expect(error).toBeInstanceOf(EwsSoapFaultError);
      expect(error.responseCode).toBe('ErrorSchemaValidation');
      expect(error.lineNumber).toBe(1);
      expect(error.linePosition).toBeGreaterThan(100);
      expect(error.violation).toMatch(/ItemIds.*not expected.*ItemShape/);
    });
  });

  it('rejects a RequestServerVersion newer than the server with ErrorInvalidServerVersion', async () => {
    await withSimulator({ maxRequestVersion: 'Exchange2013_SP1' }, async (sim) => {
      const client = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password), version: 'V2017_07_11' });
      const error = await client.call('GetFolder', { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] }).catch((e) => e);
      expect(error).toMatchObject({ responseCode: 'ErrorInvalidServerVersion' });
      client.close();
    });
  });

  it('answers an operation it does not simulate with the ErrorInvalidRequest fault', async () => {
    await withSimulator({}, async (_sim, client) => {
      const error = await client.call('ResolveNames', { UnresolvedEntry: 'bob', ReturnFullContactData: false }).catch((e) => e);
      expect(error).toMatchObject({ name: 'EwsSoapFaultError', responseCode: 'ErrorInvalidRequest' });
      expect(error.message).toContain('does not support the ResolveNames operation');
    });
  });

  it('sends ServerVersionInfo and acts on the impersonated mailbox', async () => {
    await withSimulator({}, async (sim) => {
      const asBob = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password), impersonation: { smtpAddress: 'bob@contoso.com' } });
      const created = await asBob.call('CreateItem', { ...seedCreateItem, Items: seedCreateItem.Items!.slice(0, 1), SendMeetingInvitations: 'SendToNone' });
      asBob.close();
      expect(created.serverVersion).toMatchObject({ MajorVersion: 15, MinorVersion: 1, Version: 'V2017_07_11' });
      expect(sim.state.mailbox('bob@contoso.com')!.toJSON()).toEqual(expect.objectContaining({}));
      expect(JSON.stringify(sim.state.mailbox('bob@contoso.com')!.toJSON())).toContain('Dentist');
      expect(JSON.stringify(sim.state.mailbox('alice@contoso.com')!.toJSON())).not.toContain('Dentist');
    });
  });

  it('writes legacy t:Group elements and nil extras when asked, and the SDK reads the same groups', async () => {
    await withSimulator({ legacyGroups: true, nilGroups: true }, async (sim, client) => {
      await deliverTo(client, ['one', 'two']);
      const raw = await (await rawPost(sim.url, readFileSync(join(__dirname, '../fixtures/ews-docs/FindItem/request-perform-grouped-searches-1.xml'), 'utf8'))).text();
      expect(raw).toContain('<t:Group xsi:nil="true"/>');
      expect(raw).toMatch(/<t:Group><t:GroupIndex>/);
      expect(raw).not.toContain('GroupedItems');
      const found = await client.call('FindItem', seedGroupedFindItem);
      const [message] = found.body.ResponseMessages;
      if (message.$el !== 'FindItemResponseMessage') throw new Error('unexpected');
      expect(message.RootFolder?.Groups).toHaveLength(1);
      expect(message.RootFolder?.Groups?.[0].Items).toHaveLength(2);
      expect(found.serverVersion).toMatchObject({ MajorVersion: 15, MinorVersion: 0, MajorBuildNumber: 775, MinorBuildNumber: 38 });
    });
  });

  it('throttles every k-th request with ErrorServerBusy and BackOffMilliseconds, or with HTTP 503 and Retry-After', async () => {
    await withSimulator({ throttle: { everyNth: 2, backOffMilliseconds: 750 } }, async (_sim, client) => {
      const request = { FolderShape: { BaseShape: 'IdOnly' as const }, FolderIds: [{ $el: 'DistinguishedFolderId' as const, Id: 'inbox' as const }] };
      await client.call('GetFolder', request);
      // retry: false, so that the client hands over the refusal instead of waiting as asked (see test/retry).
      const busy = await client.call('GetFolder', request, { retry: false }).catch((e) => e);
      expect(busy).toMatchObject({ responseCode: 'ErrorServerBusy', backOffMilliseconds: 750, retryable: true });
    });
    await withSimulator({ throttle: { everyNth: 1, kind: 'http503', retryAfterSeconds: 3 } }, async (_sim, client) => {
      const error = await client.call('GetFolder', { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] }, { retry: false }).catch((e) => e);
      expect(error).toBeInstanceOf(EwsThrottledError);
      expect(error.retryAfterMs).toBe(3000);
    });
  });

  it('can carry out a request and then reset the connection (the outcome is unknown to the client)', async () => {
    await withSimulator({ dropConnectionAfterRequest: [1] }, async (sim, client) => {
      const error = await deliverTo(client, ['dropped']).catch((e) => e);
      expect(error).toBeInstanceOf(EwsConnectionError);
      expect(error.requestSent).toBe(true);
      expect(JSON.stringify(sim.state.mailbox('alice@contoso.com')!.toJSON())).toContain('dropped');
    });
  });

  it('keeps a mailbox in a data file between runs', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'typed-ews-sim-')), 'mailbox.json');
    await withSimulator({ dataFile }, async (_sim, client) => deliverTo(client, ['persisted']));
    await withSimulator({ dataFile }, async (sim) => {
      expect(JSON.stringify(sim.state.mailbox('alice@contoso.com')!.toJSON())).toContain('persisted');
    });
  });
});
