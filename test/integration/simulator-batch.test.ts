/** Batched item operations against the simulator over HTTP, in each fault mode it can inject. */
import { ItemBatches } from '../../src/batch';
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';
import { seedCalendarItems } from '../support/seed-requests';

const LOGIN = { username: 'alice@contoso.com', password: 'Simulator-1' };
const calendarItems = seedCalendarItems.map((item) => ({ $el: 'CalendarItem' as const, ...item }));
const messages = (count: number) => Array.from({ length: count }, (_, i) => ({ $el: 'Message' as const, Subject: `note ${i}` }));

async function session(options: SimulatorOptions, run: (batches: ItemBatches, sim: RunningSimulator) => Promise<void>) {
  const sim = await startSimulator({ seed: 'integration', mailboxes: ['bob@contoso.com', 'carol@contoso.com', 'dave@contoso.com'], ...options });
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth(LOGIN.username, LOGIN.password) });
  try {
    await run(new ItemBatches(client, { initialBackoffMs: 10, maxBackoffMs: 50 }), sim);
  } finally {
    client.close();
    await sim.close();
  }
}

describe('batches against the simulator', () => {
  it('runs the seed sequence; every request passes the simulator\'s XSD validation', async () => {
    await session({}, async (batches) => {
      const created = await batches.createItems(calendarItems, { savedItemFolderId: 'calendar', sendMeetingInvitations: 'SendToAllAndSaveCopy' });
      const ids = created.responses.map((r) => r.item!.ItemId!);
      const read = await batches.getItems(ids, { BaseShape: 'Default', AdditionalProperties: ['calendar:Recurrence'] });
      expect(read.responses.map((r) => r.item?.Subject)).toEqual(['Dentist', 'Weekly sync', 'Quarterly review']);
      const updated = await batches.updateItems(ids.map((id) => ({ id, itemType: 'CalendarItem' as const, set: { Subject: 'renamed' } })));
      expect(updated.overallResult).toBe('Success');
      const newIds = updated.responses.map((r) => r.item!.ItemId!);
      expect((await batches.deleteItems(newIds)).overallResult).toBe('Success');
      const again = await batches.deleteItems(newIds);
      expect(again.responses.map((r) => r.errorCode)).toEqual(['ErrorItemNotFound', 'ErrorItemNotFound', 'ErrorItemNotFound']);
    });
  });

  it('keeps 2,500 inputs in order over 25 chunks with every 3rd id unknown to the server', async () => {
    await session({ validateRequests: false }, async (batches) => {
      const created = await batches.createItems(messages(1667), { savedItemFolderId: 'drafts', messageDisposition: 'SaveOnly' });
      expect(created.overallResult).toBe('Success');
      const real = created.responses.map((r) => r.item!.ItemId!);
      const ids = Array.from({ length: 2500 }, (_, i) => (i % 3 === 2 ? { Id: `AAMkMissing${i}AAA=` } : real[i - Math.floor(i / 3)]));
      const read = await batches.getItems(ids, 'Default');
      expect(read.responses).toHaveLength(2500);
      read.responses.forEach((response, i) => {
        if (i % 3 === 2) expect(response.errorCode).toMatch(/ErrorItemNotFound|ErrorInvalidIdMalformed/);
        else expect(response.item?.Subject).toBe(`note ${i - Math.floor(i / 3)}`);
      });
    });
  });

  it('rides out ErrorServerBusy on every 2nd request by waiting the BackOffMilliseconds it names', async () => {
    await session({ throttle: { everyNth: 2, backOffMilliseconds: 20 } }, async (batches, sim) => {
      const created = await batches.createItems(messages(5), { savedItemFolderId: 'drafts', messageDisposition: 'SaveOnly', batchSize: 2 });
      expect(created.overallResult).toBe('Success');
      expect(sim.requestCount()).toBeGreaterThan(3);
      expect(new Set(created.responses.map((r) => r.item!.ItemId!.Id)).size).toBe(5);
    });
  });

  it('retries after HTTP 503 with Retry-After', async () => {
    await session({ throttle: { everyNth: 2, kind: 'http503', retryAfterSeconds: 0 } }, async (batches) => {
      const created = await batches.createItems(messages(4), { savedItemFolderId: 'drafts', messageDisposition: 'SaveOnly', batchSize: 1 });
      expect(created.responses.map((r) => r.result)).toEqual(['Success', 'Success', 'Success', 'Success']);
    });
  });

  it('does not re-send a create whose connection dropped after the server acted; a get is retried', async () => {
    await session({ dropConnectionAfterRequest: [2] }, async (batches, sim) => {
      const created = await batches.createItems(messages(4), { savedItemFolderId: 'drafts', messageDisposition: 'SaveOnly', batchSize: 2 });
      expect(created.responses.map((r) => r.result)).toEqual(['Success', 'Success', 'Error', 'Error']);
      expect(created.responses[2].errorCode).toBe(created.responses[3].errorCode);
      expect(created.responses[2].errorMessage).toMatch(/outcome/i);
      // The server did create them: the unknown outcome was real, and nothing was created twice.
      const drafts = JSON.stringify(sim.state.mailbox('alice@contoso.com')!.toJSON());
      expect(drafts.match(/"Subject":"note 2"/g)).toHaveLength(1);
    });
    await session({ dropConnectionAfterRequest: [2] }, async (batches) => {
      const created = await batches.createItems(messages(2), { savedItemFolderId: 'drafts', messageDisposition: 'SaveOnly' });
      const read = await batches.getItems(created.responses.map((r) => r.item!.ItemId!), 'Default');
      expect(read.responses.map((r) => r.item?.Subject)).toEqual(['note 0', 'note 1']);
    });
  });
});
