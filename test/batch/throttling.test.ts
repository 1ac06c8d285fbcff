/**
 * Throttling: the server's BackOffMilliseconds (per item and per request) and Retry-After are honoured,
 * concurrency complaints lower the concurrency, exponential back-off with jitter applies when the server
 * names no delay, and a total time budget ends the retries. Only items not processed are sent again.
 */
import { ItemBatches, ItemRequestFailedError, type ItemBatchesOptions } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import { EwsSoapFaultError, EwsThrottledError } from '../../src/client/errors';
import { startLoopbackServer } from '../support/loopback-server';
import { soapFault } from '../support/soap';
import {
  backOffXml, errorMessage, itemsWithId, responseEnvelope, serverBusyFault, serverBusyMessage, SERVER_BUSY_TEXT, successMessage,
} from './support/exchange-xml';
import { FakeMailbox } from './support/fake-mailbox';
import { ScriptedTransport, type Reply, type SentRequest } from './support/scripted-transport';
import { VirtualClock } from './support/virtual-clock';

const url = 'https://mail.contoso.com/EWS/Exchange.asmx';
const messages = (count: number) => Array.from({ length: count }, (_, i) => ({ $el: 'Message' as const, Subject: `m${i}` }));
const subjectsOf = (request: SentRequest) => request.body.Items.map((item: { Subject: string }) => item.Subject);

function setup(script: (request: SentRequest, index: number, clock: VirtualClock) => Reply | Promise<Reply>, options: ItemBatchesOptions = {}) {
  const clock = new VirtualClock();
  const transport = new ScriptedTransport((request, index) => script(request, index, clock));
  const batches = new ItemBatches(new ExchangeClient({ url, transport }), { clock, ...options });
  return { clock, transport, batches };
}

/** CreateItem answered by a fake mailbox, except where `override` answers first. */
function mailboxWith(override: (request: SentRequest, index: number, clock: VirtualClock) => Reply | undefined) {
  const mailbox = new FakeMailbox();
  return (request: SentRequest, index: number, clock: VirtualClock): Reply => override(request, index, clock) ?? mailbox.answer(request);
}

describe('ErrorServerBusy', () => {
  it('per item: waits BackOffMilliseconds and sends again only the items answered busy', async () => {
    const mailbox = new FakeMailbox();
    const { clock, transport, batches } = setup((request, index) => {
      if (index > 0) return mailbox.answer(request);
      return responseEnvelope('CreateItem', subjectsOf(request).map((subject: string, i: number) => i % 2 === 1
        ? serverBusyMessage('CreateItem', 2000)
        : successMessage('CreateItem', itemsWithId('Message', `id-${subject}`, 'CK0'))));
    });
    const result = await batches.createItems(messages(5), { messageDisposition: 'SaveOnly' });

    expect(transport.sent.map(subjectsOf)).toEqual([['m0', 'm1', 'm2', 'm3', 'm4'], ['m1', 'm3']]);
    expect(clock.sleeps).toEqual([2000]);
    expect(result.overallResult).toBe('Success');
    expect(result.responses.map((r) => r.item?.ItemId?.Id.startsWith('id-'))).toEqual([true, false, true, false, true]);
    expect([1, 3].map((i) => mailbox.items.get(result.responses[i].item!.ItemId!.Id)!.properties.Subject)).toEqual(['m1', 'm3']);
  });

  it('as a SOAP fault for the whole request: waits BackOffMilliseconds and sends the same items again', async () => {
    const { clock, transport, batches } = setup(mailboxWith((_, index) => (index === 0 ? serverBusyFault(5000) : undefined)));
    const result = await batches.createItems(messages(3), { messageDisposition: 'SaveOnly' });

    expect(transport.sent.map(subjectsOf)).toEqual([['m0', 'm1', 'm2'], ['m0', 'm1', 'm2']]);
    expect(clock.sleeps).toEqual([5000]);
    expect(result.responses.map((r) => `${r.result} ${r.errorCode}`)).toEqual(Array(3).fill('Success NoError'));
  });

  it('pauses every request of the client, not only the chunk that was told to wait', async () => {
    const sentAt: number[] = [];
    const { transport, batches } = setup(mailboxWith((request, index, clock) => {
      sentAt.push(clock.now());
      return index === 0 ? responseEnvelope('CreateItem', [serverBusyMessage('CreateItem', 4000), successMessage('CreateItem', itemsWithId('Message', 'a', 'CK'))]) : undefined;
    }), { concurrency: 1, batchSize: 2 });
    await batches.createItems(messages(6), { messageDisposition: 'SaveOnly' });

    expect(transport.sent.map(subjectsOf)).toEqual([['m0', 'm1'], ['m2', 'm3'], ['m4', 'm5'], ['m0']]);
    expect(sentAt.slice(1).every((time) => time >= 4000)).toBe(true);
  });

  it('keeps the server busy answer once the retries are used up', async () => {
    const { transport, batches } = setup(mailboxWith((request) => responseEnvelope('CreateItem', subjectsOf(request).map((s: string) => s === 'm0'
      ? serverBusyMessage('CreateItem', 100)
      : successMessage('CreateItem', itemsWithId('Message', s, 'CK'))))), { maxRetries: 2 });
    const result = await batches.createItems(messages(2), { messageDisposition: 'SaveOnly' });

    expect(transport.sent.map(subjectsOf)).toEqual([['m0', 'm1'], ['m0'], ['m0']]);
    const busy = result.responses[0];
    expect([busy.result, busy.errorCode, busy.errorMessage, busy.errorDetails, busy.error]).toEqual(['Error', 'ErrorServerBusy', SERVER_BUSY_TEXT, { BackOffMilliseconds: '100' }, undefined]);
    expect(result.responses[1].result).toBe('Success');
  });

  it('stops retrying when the total time budget would be exceeded, reporting the fault per item', async () => {
    const { clock, transport, batches } = setup(() => serverBusyFault(4000), { retryBudgetMs: 10_000 });
    const result = await batches.getItems(['AAMkA1', 'AAMkA2'], 'IdOnly');

    expect(transport.sent).toHaveLength(3);
    expect(clock.now()).toBe(8000);
    for (const response of result.responses) {
      expect([response.result, response.errorCode, response.errorDetails]).toEqual(['Error', 'ErrorServerBusy', { BackOffMilliseconds: '4000' }]);
      expect(response.error).toBeInstanceOf(ItemRequestFailedError);
      expect(response.error!.cause).toBeInstanceOf(EwsSoapFaultError);
      expect(response.error!.message).toMatch(/gave up after 3 attempts/);
    }
  });
});

describe('HTTP 503 with Retry-After, over HTTP', () => {
  it('waits the Retry-After seconds and sends the request again', async () => {
    const mailbox = new FakeMailbox();
    let requests = 0;
    const server = await startLoopbackServer((request, response) => {
      if (requests++ === 0) {
        response.writeHead(503, { 'content-type': 'text/html', 'retry-after': '3' });
        return response.end('<html><body>Service Unavailable</body></html>');
      }
      return mailbox.handler(request, response);
    });
    const client = new ExchangeClient({ url: server.url });
    try {
      const clock = new VirtualClock();
      const result = await new ItemBatches(client, { clock }).createItems(messages(2), { messageDisposition: 'SaveOnly' });
      expect(server.requests).toHaveLength(2);
      expect(server.requests[1].body).toBe(server.requests[0].body);
      expect(clock.sleeps).toEqual([3000]);
      expect(result.responses.map((r) => r.result)).toEqual(['Success', 'Success']);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('gives up with the throttling error per item when Retry-After exceeds the budget', async () => {
    const { transport, batches } = setup(() => ({ status: 429, headers: { 'retry-after': '600' }, body: '' }), { retryBudgetMs: 60_000 });
    const result = await batches.deleteItems(['AAMkA1']);
    expect(transport.sent).toHaveLength(1);
    expect(result.responses[0].errorCode).toBe('ClientRequestFailed');
    expect(result.responses[0].error!.cause).toBeInstanceOf(EwsThrottledError);
  });
});

describe('concurrency complaints', () => {
  const tooManyFault = { status: 500, body: soapFault('ErrorExceededConnectionCount', 'You have exceeded the maximum number of concurrent connections.') };

  it('ErrorExceededConnectionCount as a fault lowers the concurrency and the request is sent again', async () => {
    let inFlight = 0;
    const inFlightAfterComplaint: number[] = [];
    let complained = false;
    const { transport, batches } = setup(mailboxWith((_, index) => {
      if (complained) inFlightAfterComplaint.push(inFlight);
      if (index !== 0) return undefined;
      complained = true;
      return tooManyFault;
    }), { concurrency: 3, batchSize: 1 });
    const counting = transport.send.bind(transport);
    transport.send = async (request) => {
      inFlight += 1;
      try { return await counting(request); } finally { inFlight -= 1; }
    };
    const result = await batches.createItems(messages(9), { messageDisposition: 'SaveOnly' });

    expect(batches.concurrency).toBe(2);
    expect(transport.sent).toHaveLength(10);
    expect(result.responses.every((r) => r.result === 'Success')).toBe(true);
    // Requests already in flight finish; every one started after the complaint sees at most two running.
    expect(Math.max(...inFlightAfterComplaint.slice(2))).toBeLessThanOrEqual(2);
  });

  it('per-item ErrorTooManyObjectsOpened and a MaxConcurrency policy answer each lower the limit by one', async () => {
    const maxConcurrency = '<t:Value Name="Policy">MaxConcurrency</t:Value><t:Value Name="MaxConcurrencyLimit">10</t:Value>';
    const { batches } = setup(mailboxWith((_, index) => {
      if (index === 0) return responseEnvelope('GetItem', [errorMessage('GetItem', 'ErrorTooManyObjectsOpened', 'Too many objects opened.', '', '<m:Items/>')]);
      if (index === 1) return { status: 500, body: soapFault('ErrorServerBusy', SERVER_BUSY_TEXT, backOffXml(10) + maxConcurrency) };
      return responseEnvelope('GetItem', [successMessage('GetItem', itemsWithId('Message', 'AAMkA1', 'CK'))]);
    }), { concurrency: 4 });
    const result = await batches.getItems(['AAMkA1'], 'IdOnly');
    expect(result.responses[0].result).toBe('Success');
    expect(batches.concurrency).toBe(2);
  });
});

describe('exponential back-off', () => {
  it('doubles the delay (with jitter) when the server names none, then succeeds', async () => {
    const transient = { status: 500, body: soapFault('ErrorInternalServerTransientError', 'An internal server error occurred. Try again later.') };
    const { clock, transport, batches } = setup(mailboxWith((_, index) => (index < 3 ? transient : undefined)));
    const result = await batches.createItems(messages(1), { messageDisposition: 'SaveOnly' });

    expect(transport.sent).toHaveLength(4);
    // Equal jitter with random() = 0.5: ¾ of 500, 1000, 2000 ms.
    expect(clock.sleeps).toEqual([375, 750, 1500]);
    expect(result.responses[0].result).toBe('Success');
  });
});
