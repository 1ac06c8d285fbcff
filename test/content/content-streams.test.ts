/**
 * Content as streams against the simulator over HTTP: MIME content per item, attachment content fetched
 * and created as streams (SHA-256 round trips), and exportItemsTo handing a multi-MB item to its sink in
 * many pieces, never whole.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { ItemBatches } from '../../src/batch';
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import { attachmentContentStreams, createFileAttachment, fileSource, mimeContentStreams, type ContentStream } from '../../src/content';
import { exportItemsTo, uploadItems } from '../../src/export';
import type { ExportSink } from '../../src/export/export-items';
import { addGeneratedMessages } from '../../src/simulator/store/generated-mailbox';
import { generatedContent } from '../../src/simulator/store/generated-content';
import { withSimulator, type SyncWorld } from '../sync/support';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<{ bytes: Buffer; pieces: number }> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(piece as Buffer);
  return { bytes: Buffer.concat(pieces), pieces: pieces.length };
}

/** Reads each stream as it is yielded, as the API asks. */
async function collectContent(source: AsyncIterable<ContentStream>): Promise<Map<number, { bytes: Buffer; pieces: number } | string>> {
  const found = new Map<number, { bytes: Buffer; pieces: number } | string>();
  for await (const entry of source) found.set(entry.index, entry.ok ? await readAll(entry.stream) : entry.errorCode);
  return found;
}

async function draft(world: SyncWorld, subject: string) {
  const created = await new ItemBatches(world.client).createItems([{ $el: 'Message', Subject: subject, Body: { BodyType: 'Text', $value: 'Hello there' } }], { messageDisposition: 'SaveOnly' });
  return created.responses[0].item!.ItemId!;
}

describe('content streams', () => {
  test('mimeContentStreams gives each item its MIME message as a stream with its CharacterSet; an unknown item is a failed entry with its index', async () => {
    await withSimulator(async (world) => {
      const first = await draft(world, 'First of two');
      const second = await draft(world, 'Second of two');
      const missing = { Id: first.Id.replace(/.{6}$/, 'AAAAA=') };
      const characterSets: (string | undefined)[] = [];
      const found = await collectContent((async function* () {
        for await (const entry of mimeContentStreams(world.client, [first, missing, second])) {
          if (entry.ok) characterSets.push(entry.characterSet);
          yield entry;
        }
      })());
      expect(characterSets).toEqual(['UTF-8', 'UTF-8']);
      expect(found.get(1)).toMatch(/^Error/);
      for (const [index, subject] of [[0, 'First of two'], [2, 'Second of two']] as const) {
        const mime = (found.get(index) as { bytes: Buffer }).bytes.toString('utf8');
        expect(mime).toContain(`Subject: ${subject}\r\n`);
        expect(mime).toMatch(/\r\n\r\nHello there$/);
      }
      const plain = await world.client.call('GetItem', { ItemShape: { BaseShape: 'IdOnly', IncludeMimeContent: true }, ItemIds: [{ $el: 'ItemId', ...first }] });
      const mimeContent = (plain.responseMessages[0].payload as { Items: { MimeContent: { $value: string } }[] }).Items[0].MimeContent;
      expect((found.get(0) as { bytes: Buffer }).bytes).toEqual(Buffer.from(mimeContent.$value, 'base64'));
    });
  });

  test('an attachment created from a Readable, a file and a Buffer comes back through attachmentContentStreams with the same SHA-256, in many pieces', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'typed-ews-content-'));
    try {
      await withSimulator(async (world) => {
        const item = await draft(world, 'With attachments');
        const payloads = [randomBytes(3 * 1024 * 1024 + 1), randomBytes(2 * 1024 * 1024 + 2), randomBytes(1000)];
        const file = path.join(directory, 'payload.bin');
        writeFileSync(file, payloads[1]);
        const sources = [Readable.from(Array.from({ length: 49 }, (_, k) => payloads[0].subarray(k * 65536, (k + 1) * 65536))), await fileSource(file), payloads[2]];
        const ids: string[] = [];
        for (const [k, content] of sources.entries()) {
          const message = await createFileAttachment(world.client, item, { name: `payload-${k}.bin`, contentType: 'application/octet-stream', content });
          expect(message.responseClass).toBe('Success');
          ids.push((message.payload as { Attachments: { AttachmentId: { Id: string } }[] }).Attachments[0].AttachmentId.Id);
        }
        const found = await collectContent(attachmentContentStreams(world.client, ids));
        for (const [k, payload] of payloads.entries()) expect(sha256((found.get(k) as { bytes: Buffer }).bytes)).toBe(sha256(payload));
        expect((found.get(0) as { pieces: number }).pieces).toBeGreaterThan(10);
      });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  test('with validateRequests, a request holding a stream is checked against the XSD without reading the stream, then sent whole', async () => {
    await withSimulator(async (world) => {
      const item = await draft(world, 'Validated');
      const client = new ExchangeClient({ url: world.sim.url, auth: basicAuth('alice@contoso.com', 'Simulator-1'), validateRequests: true });
      try {
        const payload = randomBytes(100_000);
        const message = await createFileAttachment(client, item, { name: 'v.bin', content: Readable.from([payload.subarray(0, 50_000), payload.subarray(50_000)]) });
        const id = (message.payload as { Attachments: { AttachmentId: { Id: string } }[] }).Attachments[0].AttachmentId.Id;
        const found = await collectContent(attachmentContentStreams(client, [id]));
        expect(sha256((found.get(0) as { bytes: Buffer }).bytes)).toBe(sha256(payload));
      } finally {
        client.close();
      }
    });
  });

  test('a Readable is sent once: a request that must send it again fails instead of sending a truncated body', async () => {
    await withSimulator(async (world) => {
      const item = await draft(world, 'One shot');
      const source = Readable.from([Buffer.from('once')]);
      await createFileAttachment(world.client, item, { name: 'a.txt', content: source });
      await expect(createFileAttachment(world.client, item, { name: 'b.txt', content: source })).rejects.toThrow(/sent only once/);
    });
  });

  test('exportItemsTo hands an item with a 4 MB attachment to its sink in many pieces, none of them the whole data, and the data uploads back whole', async () => {
    await withSimulator(async (world) => {
      const [item] = addGeneratedMessages(world.mailbox, { count: 1, attachmentEvery: 1, attachmentBytes: 4 * 1024 * 1024 });
      const pieces: Buffer[] = [];
      let settle!: { resolve: (count: number) => void; reject: (error: Error) => void };
      const sink: ExportSink<number> = {
        done: new Promise<number>((resolve, reject) => { settle = { resolve, reject }; }),
        write: (bytes) => { pieces.push(bytes); },
        end: () => settle.resolve(pieces.length),
        fail: (error) => settle.reject(error),
        waitForRoom: () => undefined,
      };
      const batches = new ItemBatches(world.client);
      const records = [];
      for await (const record of exportItemsTo(batches, [world.mailbox.itemId(item)], () => sink)) records.push(record);
      expect(records).toEqual([expect.objectContaining({ ok: true, written: pieces.length })]);
      const data = Buffer.concat(pieces);
      expect(data.length).toBeGreaterThan(4 * 1024 * 1024);
      expect(pieces.length).toBeGreaterThan(20);
      expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(data.length / 10);

      const inbox = world.mailbox.distinguishedFolder('inbox')!;
      const uploaded = [];
      for await (const result of uploadItems(batches, [{ data, parentFolderId: world.mailbox.folderId(inbox).Id }])) uploaded.push(result);
      expect(uploaded).toEqual([expect.objectContaining({ ok: true })]);
      const copy = world.mailbox.itemsIn(inbox.key).find((stored) => stored.key !== item.key)!;
      const expected: Buffer[] = [];
      for await (const block of generatedContent(item.attachments[0].generated!).open()) expected.push(Buffer.from(block));
      expect(sha256(Buffer.from(copy.attachments[0].data.Content as string, 'base64'))).toBe(sha256(Buffer.concat(expected)));
    });
  });
});
