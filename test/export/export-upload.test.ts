/**
 * exportItems and uploadItems against the simulator over HTTP: records in input order through the batch
 * layer's chunks, per-item failures as records, and an export → upload round trip that recreates items
 * with their properties and attachments.
 */
import { randomBytes } from 'node:crypto';
import { ItemBatches } from '../../src/batch';
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import { exportItems, uploadItems, type ExportRecord, type UploadResult } from '../../src/export';
import { sizeBoundedChunks } from '../../src/export/upload-items';
import { startSimulator } from '../../src/simulator/server';
import { SimulatorState } from '../../src/simulator/store/state';
import { withSimulator } from '../sync/support';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of source) values.push(value);
  return values;
}

describe('exportItems and uploadItems', () => {
  test('exports 230 items in input order in chunks of the batch size; a missing item is a failed record in its place', async () => {
    await withSimulator(async (world) => {
      const batches = new ItemBatches(world.client, { batchSize: 50, concurrency: 2 });
      const created = await batches.createItems(Array.from({ length: 230 }, (_, i) => ({ $el: 'Message' as const, Subject: `item ${i}` })), { messageDisposition: 'SaveOnly' });
      const ids = created.responses.map((response) => response.item!.ItemId!);
      const missing = { Id: ids[7].Id.replace(/.{6}$/, 'AAAAA=') };
      const before = world.sim.requestCount();
      const records = await collect(exportItems(batches, [...ids.slice(0, 100), missing, ...ids.slice(100)], { windowSize: 120 }));
      expect(world.sim.requestCount() - before).toBe(6); // windows of 120 and 111 → chunks 50+50+20 and 50+50+11
      expect(records.map((record) => record.index)).toEqual(Array.from({ length: 231 }, (_, i) => i));
      expect(records[100]).toMatchObject({ ok: false, errorCode: expect.stringMatching(/^Error/) });
      const exported = records.filter((record): record is Extract<ExportRecord, { ok: true }> => record.ok);
      expect(exported.map((record) => record.itemId.Id)).toEqual(ids.map((id) => id.Id));
      expect(exported.every((record) => record.data.length > 0)).toBe(true);
    });
  });

  test('an export of drafts uploaded into the inbox recreates each item with its subject and file attachment content', async () => {
    await withSimulator(async (world) => {
      const batches = new ItemBatches(world.client, { batchSize: 10 });
      const content = Buffer.from('attachment bytes \u00e9\u4e2d').toString('base64');
      const created = await batches.createItems(Array.from({ length: 12 }, (_, i) => ({
        $el: 'Message' as const, Subject: `keep ${i}`,
        ...(i % 4 === 0 && { Attachments: [{ $el: 'FileAttachment' as const, Name: `a${i}.txt`, Content: content }] }),
      })), { messageDisposition: 'SaveOnly' });
      const records = await collect(exportItems(batches, created.responses.map((r) => r.item!.ItemId!)));
      const inbox = await world.client.call('GetFolder', { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] });
      const inboxId = (inbox.responseMessages[0].payload as { Folders: { FolderId: { Id: string } }[] }).Folders[0].FolderId.Id;
      const results: UploadResult[] = await collect(uploadItems(batches, records.map((record) => {
        if (!record.ok) throw new Error(record.message);
        return { data: record.data, parentFolderId: inboxId };
      })));
      expect(results.every((result) => result.ok)).toBe(true);
      const inInbox = world.mailbox.itemsIn(world.mailbox.distinguishedFolder('inbox')!.key);
      expect(inInbox.map((item) => item.data.Subject).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `keep ${i}`).sort());
      const withAttachment = inInbox.filter((item) => item.attachments.length > 0);
      expect(withAttachment).toHaveLength(3);
      expect(withAttachment.every((item) => item.attachments[0].data.Content === content && item.data.HasAttachments === true)).toBe(true);
    });
  });

  test('data that is not an export fails alone (ErrorCorruptData); the other uploads succeed; every request is schema-valid', async () => {
    await withSimulator(async (world) => {
      const batches = new ItemBatches(world.client);
      const created = await batches.createItems([{ $el: 'Message', Subject: 'real' }], { messageDisposition: 'SaveOnly' });
      const [record] = await collect(exportItems(batches, [created.responses[0].item!.ItemId!]));
      if (!record.ok) throw new Error(record.message);
      const inbox = world.mailbox.folderId(world.mailbox.distinguishedFolder('inbox')!).Id;
      const results = await collect(uploadItems(batches, [
        { data: Buffer.from('not an export'), parentFolderId: inbox },
        { data: record.data, parentFolderId: inbox },
      ]));
      expect(results[0]).toMatchObject({ ok: false, errorCode: 'ErrorCorruptData', outcomeUnknown: false });
      expect(results[1]).toMatchObject({ ok: true, index: 1 });
    }, { validateRequests: true });
  });
});

describe('uploadItems keeps each request under the server\'s size limit', () => {
  test('items are grouped by size, not only by count; an item too large for any request fails alone with HTTP 413, the others are uploaded', async () => {
    const limit = 256 * 1024;
    const sim = await startSimulator({ state: new SimulatorState({ seed: 'upload-size' }), validateRequests: false, maxRequestBytes: limit });
    const client = new ExchangeClient({ url: sim.url, auth: basicAuth('alice@contoso.com', 'Simulator-1') });
    try {
      const batches = new ItemBatches(client);
      const attachment = randomBytes(70 * 1024).toString('base64');
      const created = await batches.createItems(Array.from({ length: 6 }, (_, i) => ({
        $el: 'Message' as const, Subject: `sized ${i}`, Attachments: [{ $el: 'FileAttachment' as const, Name: `a${i}.bin`, Content: attachment }],
      })), { messageDisposition: 'SaveOnly' });
      const records = await collect(exportItems(batches, created.responses.map((r) => r.item!.ItemId!)));
      const mailbox = sim.state.mailbox('alice@contoso.com')!;
      const inbox = mailbox.folderId(mailbox.distinguishedFolder('inbox')!).Id;
      const uploads = records.map((record) => {
        if (!record.ok) throw new Error(record.message);
        expect(record.data.length).toBeGreaterThan(70 * 1024);
        return { data: record.data, parentFolderId: inbox };
      });
      const before = sim.requestCount();
      const results = await collect(uploadItems(batches, [...uploads.slice(0, 3), { data: randomBytes(limit), parentFolderId: inbox }, ...uploads.slice(3)], { maxRequestBytes: limit }));
      expect(results.map((result) => result.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(results.filter((result) => result.ok)).toHaveLength(6);
      expect(results[3]).toMatchObject({ ok: false, outcomeUnknown: false });
      expect((results[3] as { message: string }).message).toMatch(/413/);
      // Two items (~96 KB each as base64) fit under 256 KiB: requests 0-1, 2, 3 alone (refused, not counted),
      // 4-5, 6; without the size bound all seven would go in one request, refused whole.
      expect(sim.requestCount() - before).toBe(4);
      const subjects = mailbox.itemsIn(mailbox.distinguishedFolder('inbox')!.key).map((item) => item.data.Subject).sort();
      expect(subjects).toEqual(Array.from({ length: 6 }, (_, i) => `sized ${i}`));
    } finally {
      client.close();
      await sim.close();
    }
  });

  test('sizeBoundedChunks keeps order, the count limit and the byte limit, and gives an oversized item a chunk of its own', () => {
    expect(sizeBoundedChunks([10, 10, 10, 10, 10], 2, 1_000_000)).toEqual([[0, 1], [2, 3], [4]]);
    expect(sizeBoundedChunks([40_000, 40_000, 40_000], 50, 90_000)).toEqual([[0, 1], [2]]);
    expect(sizeBoundedChunks([10, 500_000, 10, Number.POSITIVE_INFINITY, 10], 50, 100_000)).toEqual([[0], [1], [2], [3], [4]]);
  });
});
