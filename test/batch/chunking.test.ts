/**
 * Chunking, order and partial errors at scale: 2,500 items go out in chunks of the batch size, at most
 * `concurrency` requests at a time, answered out of order, and `responses[i]` still belongs to input i.
 */
import { ItemBatches, type BatchProgress } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import { errorMessage, itemsWithId, NOT_FOUND_TEXT, responseEnvelope, successMessage } from './support/exchange-xml';
import { FakeMailbox } from './support/fake-mailbox';
import { ScriptedTransport, type SentRequest } from './support/scripted-transport';
import { VirtualClock } from './support/virtual-clock';

const COUNT = 2_500;
const ids = Array.from({ length: COUNT }, (_, i) => `AAMkAGI2${String(i).padStart(6, '0')}AAA=`);
const indexOf = (id: string) => Number(id.slice(8, 14));

/** Waits a few event-loop turns that differ per request, so answers arrive in another order than sent. */
async function unevenLatency(index: number): Promise<void> {
  for (let turn = 0; turn < (index * 7) % 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** GetItem that finds every item except every third one (input index 2, 5, 8…). */
async function everyThirdMissing(request: SentRequest, index: number): Promise<string> {
  await unevenLatency(index);
  return responseEnvelope('GetItem', request.body.ItemIds.map(({ Id }: { Id: string }) => indexOf(Id) % 3 === 2
    ? errorMessage('GetItem', 'ErrorItemNotFound', NOT_FOUND_TEXT, '', '<m:Items/>')
    : successMessage('GetItem', itemsWithId('Message', Id, 'CQAAABYAAAA', `<t:Subject>Item ${indexOf(Id)}</t:Subject>`))));
}

function batchesOver(transport: ScriptedTransport, options: ConstructorParameters<typeof ItemBatches>[1] = {}) {
  const client = new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport });
  return new ItemBatches(client, { clock: new VirtualClock(), ...options });
}

describe('getItems with 2,500 ids', () => {
  it('sends 25 chunks of 100 ids, each id once, with at most 3 requests in flight', async () => {
    const transport = new ScriptedTransport(everyThirdMissing);
    await batchesOver(transport).getItems(ids, 'IdOnly');
    const sentIds = transport.sent.map((r) => r.body.ItemIds.map((e: { Id: string }) => e.Id) as string[]);
    expect(sentIds).toHaveLength(25);
    expect(sentIds.every((chunk) => chunk.length === 100)).toBe(true);
    expect(sentIds.flat().sort()).toEqual(ids);
    expect(transport.maxInFlight).toBe(3);
  });

  it('puts each answer at its input position, every third as ErrorItemNotFound, without throwing', async () => {
    const result = await batchesOver(new ScriptedTransport(everyThirdMissing)).getItems(ids, 'IdOnly');
    expect(result.responses).toHaveLength(COUNT);
    result.responses.forEach((response, i) => {
      if (i % 3 === 2) {
        expect([response.result, response.errorCode, response.errorMessage, response.item]).toEqual(['Error', 'ErrorItemNotFound', NOT_FOUND_TEXT, undefined]);
      } else {
        expect([response.result, response.item?.ItemId?.Id, response.item?.Subject]).toEqual(['Success', ids[i], `Item ${i}`]);
      }
    });
    expect(result.overallResult).toBe('Error');
  });

  it('reports progress item by item up to done = total, with the errors counted', async () => {
    const reports: BatchProgress[] = [];
    await batchesOver(new ScriptedTransport(everyThirdMissing)).getItems(ids, 'IdOnly', { onProgress: (p) => reports.push(p) });
    expect(reports).toHaveLength(COUNT);
    expect(reports.every((p, i) => p.done === i + 1 && p.total === COUNT)).toBe(true);
    expect(reports[COUNT - 1]).toEqual({ done: COUNT, total: COUNT, errors: 833 });
  });

  it('honours a batch size and a concurrency of its own', async () => {
    const transport = new ScriptedTransport(everyThirdMissing);
    await batchesOver(transport, { batchSize: 300, concurrency: 2 }).getItems(ids, 'IdOnly');
    expect(transport.sent.map((r) => r.body.ItemIds.length)).toEqual([...Array(8).fill(300), 100]);
    expect(transport.maxInFlight).toBe(2);
    const perCall = new ScriptedTransport(everyThirdMissing);
    await batchesOver(perCall).getItems(ids.slice(0, 10), 'IdOnly', { batchSize: 4 });
    expect(perCall.sent.map((r) => r.body.ItemIds.length)).toEqual([4, 4, 2]);
  });
});

describe('createItems with 2,500 items', () => {
  it('gives responses[i] the id of the item created from input i, although chunks finish out of order', async () => {
    const mailbox = new FakeMailbox();
    const transport = new ScriptedTransport(async (request, index) => {
      await unevenLatency(index);
      return mailbox.answer(request);
    });
    const items = Array.from({ length: COUNT }, (_, i) => ({ $el: 'Message' as const, Subject: `Message ${i}` }));
    const result = await batchesOver(transport, { batchSize: 250 }).createItems(items, { messageDisposition: 'SaveOnly' });

    expect(transport.sent).toHaveLength(10);
    expect(result.overallResult).toBe('Success');
    const subjects = result.responses.map((r) => mailbox.items.get(r.item!.ItemId!.Id)!.properties.Subject);
    expect(subjects).toEqual(items.map((item) => item.Subject));
  });
});
