/**
 * No item is lost or done twice: a request that reached the server but got no usable answer is not sent
 * again for creates, sends, moves, copies and updates (each item gets ItemOutcomeUnknownError); reads
 * and deletes are sent again. A request that never went out is always safe to send again.
 */
import { ItemBatches, ItemOutcomeUnknownError, type BatchProgress } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import { EwsConnectionError, EwsMalformedResponseError, EwsTimeoutError } from '../../src/client/errors';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';
import { itemsWithId, responseEnvelope, successMessage } from './support/exchange-xml';
import { FakeMailbox } from './support/fake-mailbox';
import { ScriptedTransport, type SentRequest } from './support/scripted-transport';
import { VirtualClock } from './support/virtual-clock';

const messages = (count: number) => Array.from({ length: count }, (_, i) => ({ $el: 'Message' as const, Subject: `m${i}` }));

describe('a connection reset after the request was sent, over HTTP', () => {
  let server: LoopbackServer;
  let client: ExchangeClient;
  let mailbox: FakeMailbox;
  /** Which request (0-based) the server answers by resetting the connection; `afterActing`: once it did the work. */
  let reset: { request: number; afterActing: boolean };

  beforeEach(async () => {
    reset = { request: -1, afterActing: false };
    mailbox = new FakeMailbox();
    let count = 0;
    server = await startLoopbackServer((request, response, raw) => {
      if (count++ !== reset.request) return mailbox.handler(request, response);
      if (reset.afterActing) mailbox.handler(request, { writeHead: () => undefined, end: () => undefined } as never);
      raw.socket.destroy();
    });
    client = new ExchangeClient({ url: server.url });
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  const batches = () => new ItemBatches(client, { clock: new VirtualClock(), concurrency: 1 });

  it('createItems: the chunk is not sent again and each of its items reports the unknown outcome', async () => {
    reset = { request: 1, afterActing: true };
    const reports: BatchProgress[] = [];
    const result = await batches().createItems(messages(250), { messageDisposition: 'SaveOnly', onProgress: (p) => reports.push(p) });

    expect(server.requests).toHaveLength(3);
    expect(mailbox.items.size).toBe(250); // the server did create the reset chunk
    const codes = result.responses.map((r) => r.errorCode);
    expect(codes.slice(0, 100).every((c) => c === 'NoError') && codes.slice(200).every((c) => c === 'NoError')).toBe(true);
    for (const response of result.responses.slice(100, 200)) {
      expect(response.result).toBe('Error');
      expect(response.errorCode).toBe('ClientOutcomeUnknown');
      expect(response.error).toBeInstanceOf(ItemOutcomeUnknownError);
      expect(response.error!.cause).toBeInstanceOf(EwsConnectionError);
      expect((response.error!.cause as EwsConnectionError).requestSent).toBe(true);
    }
    expect(reports.at(-1)).toEqual({ done: 250, total: 250, errors: 100 });
  });

  it('getItems: the chunk is sent again and every item is read', async () => {
    const created = await batches().createItems(messages(250), { messageDisposition: 'SaveOnly' });
    const ids = created.responses.map((r) => r.item!.ItemId!);
    reset = { request: server.requests.length + 1, afterActing: false };
    const result = await batches().getItems(ids, 'IdOnly');

    const gets = server.requests.slice(3);
    expect(gets).toHaveLength(4);
    expect(gets[3].body).toBe(gets[1].body);
    expect(result.overallResult).toBe('Success');
    expect(result.responses.map((r) => r.item!.ItemId!.Id)).toEqual(ids.map((id) => id.Id));
    expect(result.responses.map((r) => r.resentAfterUnknownOutcome === true)).toEqual(ids.map((_, i) => i >= 100 && i < 200));
  });

  it('deleteItems: the chunk is sent again; items the first attempt deleted answer ErrorItemNotFound, marked as resent', async () => {
    const created = await batches().createItems(messages(3), { messageDisposition: 'SaveOnly' });
    reset = { request: server.requests.length, afterActing: true };
    const result = await batches().deleteItems(created.responses.map((r) => r.item!));

    expect(server.requests.slice(1)).toHaveLength(2);
    expect(mailbox.items.size).toBe(0);
    expect(result.responses.map((r) => [r.errorCode, r.resentAfterUnknownOutcome])).toEqual(Array(3).fill(['ErrorItemNotFound', true]));
  });
});

describe('the unknown-outcome rule per operation', () => {
  const lostAnswer = () => new EwsTimeoutError(100_000, true);

  function over(script: (request: SentRequest, index: number) => string | Error) {
    const transport = new ScriptedTransport(script);
    const batches = new ItemBatches(new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport }), { clock: new VirtualClock() });
    return { transport, batches };
  }

  it.each([
    ['sendItems', (b: ItemBatches) => b.sendItems(['AAMkA1'])],
    ['moveItems', (b: ItemBatches) => b.moveItems(['AAMkA1'], 'inbox')],
    ['copyItems', (b: ItemBatches) => b.copyItems(['AAMkA1'], 'inbox')],
    ['updateItems', (b: ItemBatches) => b.updateItems([{ id: 'AAMkA1', set: { Subject: 'x' } }])],
    ['createItems', (b: ItemBatches) => b.createItems(messages(1), { messageDisposition: 'SaveOnly' })],
  ])('%s after a timeout with the request sent: one request, ClientOutcomeUnknown', async (_, run) => {
    const { transport, batches } = over(lostAnswer);
    const result = await run(batches);
    expect(transport.sent).toHaveLength(1);
    expect(result.responses.map((r) => r.errorCode)).toEqual(['ClientOutcomeUnknown']);
    expect(result.responses[0].error!.cause).toBeInstanceOf(EwsTimeoutError);
  });

  it('createItems after a connection refused before sending: sent again, created once', async () => {
    const mailbox = new FakeMailbox();
    const { transport, batches } = over((request, index) => (index === 0 ? new EwsConnectionError('ECONNREFUSED', false, 'Connection refused') : mailbox.answer(request)));
    const result = await batches.createItems(messages(2), { messageDisposition: 'SaveOnly' });
    expect(transport.sent).toHaveLength(2);
    expect(result.responses.map((r) => r.result)).toEqual(['Success', 'Success']);
    expect(mailbox.items.size).toBe(2);
  });

  it('createItems answered with fewer response messages than items: outcome unknown, not sent again', async () => {
    const { transport, batches } = over(() => responseEnvelope('CreateItem', [successMessage('CreateItem', itemsWithId('Message', 'AAMkA1', 'CK'))]));
    const result = await batches.createItems(messages(2), { messageDisposition: 'SaveOnly' });
    expect(transport.sent).toHaveLength(1);
    expect(result.responses.map((r) => r.errorCode)).toEqual(['ClientOutcomeUnknown', 'ClientOutcomeUnknown']);
    expect(result.responses[0].error!.cause).toBeInstanceOf(EwsMalformedResponseError);
  });

  it('deleteItems aborted while a request is in flight: the outcome is unknown, not "aborted"', async () => {
    const controller = new AbortController();
    const { batches } = over(() => {
      controller.abort();
      return new EwsTimeoutError(100_000, true);
    });
    const result = await batches.deleteItems(['AAMkA1'], { signal: controller.signal });
    expect(result.responses[0].error).toBeInstanceOf(ItemOutcomeUnknownError);
  });

  it('deleteItems whose resends never get through: the outcome stays unknown rather than "failed"', async () => {
    const { transport, batches } = over((_, index) => (index === 0 ? lostAnswer() : new EwsConnectionError('ECONNREFUSED', false, 'Connection refused')));
    const result = await batches.deleteItems(['AAMkA1']);
    expect(transport.sent).toHaveLength(11);
    expect([result.responses[0].errorCode, result.responses[0].resentAfterUnknownOutcome]).toEqual(['ClientOutcomeUnknown', true]);
    expect(result.responses[0].error!.cause).toBeInstanceOf(EwsTimeoutError);
  });
});
