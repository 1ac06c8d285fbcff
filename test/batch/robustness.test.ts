/**
 * A batch answers every input exactly once, whatever goes wrong around one of them: a bad input fails
 * alone, an answer read before a response broke off stays an answer, an unreadable complete response
 * is not retried for nothing, and an unusable response message fails only its own item.
 */
import { getEventListeners } from 'node:events';
import { ItemBatches, ItemInputError, ItemOutcomeUnknownError, ItemRequestFailedError, type NewItem } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import { EwsMalformedResponseError } from '../../src/client/errors';
import { errorMessage, itemsWithId, NOT_FOUND_TEXT, responseEnvelope, successMessage } from './support/exchange-xml';
import { FakeMailbox } from './support/fake-mailbox';
import { ScriptedTransport, type Reply, type SentRequest } from './support/scripted-transport';
import { VirtualClock } from './support/virtual-clock';

function over(script?: (request: SentRequest, index: number, mailbox: FakeMailbox) => Reply | undefined) {
  const mailbox = new FakeMailbox();
  const transport = new ScriptedTransport((request, index) => script?.(request, index, mailbox) ?? mailbox.answer(request));
  const client = new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport });
  return { mailbox, transport, batches: new ItemBatches(client, { clock: new VirtualClock(), concurrency: 1 }) };
}

const task = (subject: string): NewItem => ({ $el: 'Task', Subject: subject });

describe('one bad input fails only itself', () => {
  it.each([
    ['an unknown property', { $el: 'Task', Subjet: 'typo' }, 'TaskType has no property "Subjet"', 'items[1]'],
    ['a control character', { $el: 'Task', Subject: 'bell\u0007' }, 'U+0007', 'items[1].Subject'],
    ['a lone surrogate', { $el: 'Task', Subject: 'half \ud800' }, 'U+D800 is not allowed', 'items[1].Subject'],
    ['an unknown $el', { $el: 'Memo', Subject: 'x' }, '"Memo" is not one of its elements', 'items[1]'],
    ['a nested wrong type', { $el: 'Task', Subject: 'x', PercentComplete: 'half' }, 'cannot write string "half"', 'items[1].PercentComplete'],
  ])('%s: its own ItemInputError naming its index and property path; the other items of its chunk are created', async (_what, bad, reason, path) => {
    const { transport, batches } = over();
    const result = await batches.createItems([task('a'), bad as NewItem, task('c')], {});

    expect(result.responses.map((r) => r.errorCode)).toEqual(['NoError', 'ClientInvalidInput', 'NoError']);
    const error = result.responses[1].error as ItemInputError;
    expect(error).toBeInstanceOf(ItemInputError);
    expect(error.index).toBe(1);
    expect(error.propertyPath).toBe(path);
    expect(error.message).toContain(reason);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(transport.of('CreateItem').map((r) => r.body.Items.map((i: { Subject: string }) => i.Subject))).toEqual([['a', 'c']]);
  });

  it('a request part every item shares (a bad folder) still fails the whole chunk, once, as a request failure', async () => {
    const { transport, batches } = over();
    const result = await batches.getItems(['id1', 'id2'], { BaseShape: 'IdOnly', IncludeMimeContent: 'yes' as never });
    expect(result.responses.map((r) => r.errorCode)).toEqual(['ClientRequestFailed', 'ClientRequestFailed']);
    expect(transport.sent).toHaveLength(0);
  });

  it('updateItems([change, null]): the null is ClientInvalidInput, the change is applied', async () => {
    const { mailbox, batches } = over();
    const created = await batches.createItems([task('before')], {});
    const id = created.responses[0].item!.ItemId!;
    const result = await batches.updateItems([{ id, itemType: 'Task', set: { Subject: 'after' } }, null as never]);
    expect(result.responses.map((r) => r.errorCode)).toEqual(['NoError', 'ClientInvalidInput']);
    expect(result.responses[1].error).toBeInstanceOf(ItemInputError);
    expect([...mailbox.items.values()].map((i) => i.properties.Subject)).toEqual(['after']);
  });

  it('getItems with undefined and a number among the ids answers each of them, and reads the rest', async () => {
    const { batches } = over((request) => request.operation === 'GetItem'
      ? responseEnvelope('GetItem', request.body.ItemIds.map((id: { Id: string }) => successMessage('GetItem', itemsWithId('Message', id.Id, 'ck'))))
      : undefined);
    const result = await batches.getItems(['a', undefined as never, 42 as never, 'b'], 'IdOnly');
    expect(result.responses.map((r) => r.errorCode)).toEqual(['NoError', 'ClientInvalidInput', 'ClientInvalidInput', 'NoError']);
    expect(result.responses.map((r) => r.item?.ItemId?.Id)).toEqual(['a', undefined, undefined, 'b']);
  });
});

describe('answers read before a response broke off stay answers', () => {
  /** The created answer for each item, then the body cut inside the message after `keep` of them. */
  const cutAfter = (keep: number) => (request: SentRequest): Reply | undefined => {
    if (request.operation !== 'CreateItem') return undefined;
    const full = responseEnvelope('CreateItem', request.body.Items.map((_: unknown, i: number) => successMessage('CreateItem', itemsWithId('Task', `id${i}`, 'ck'))));
    let at = -1;
    for (let i = 0; i <= keep; i++) at = full.indexOf('<m:CreateItemResponseMessage', at + 1);
    return full.slice(0, at + 40);
  };

  it('createItems: the items answered before the cut have their ids; only those after it are outcome unknown; nothing is sent again', async () => {
    const { transport, batches } = over(cutAfter(2));
    const result = await batches.createItems([task('a'), task('b'), task('c'), task('d')], {});
    expect(result.responses.map((r) => r.errorCode)).toEqual(['NoError', 'NoError', 'ClientOutcomeUnknown', 'ClientOutcomeUnknown']);
    expect(result.responses.map((r) => r.item?.ItemId?.Id)).toEqual(['id0', 'id1', undefined, undefined]);
    expect(result.responses[2].error).toBeInstanceOf(ItemOutcomeUnknownError);
    expect(transport.of('CreateItem')).toHaveLength(1);
  });

  it('getItems: the items after the cut are asked for again, alone, and every item is read once', async () => {
    let calls = 0;
    const { transport, batches } = over((request) => {
      if (request.operation !== 'GetItem') return undefined;
      const messages = request.body.ItemIds.map((id: { Id: string }) => successMessage('GetItem', itemsWithId('Message', id.Id, 'ck')));
      const full = responseEnvelope('GetItem', messages);
      return calls++ === 0 ? full.slice(0, full.indexOf('<m:GetItemResponseMessage', full.indexOf('id1')) + 30) : full;
    });
    const result = await batches.getItems(['id0', 'id1', 'id2', 'id3'], 'IdOnly');
    expect(result.responses.map((r) => r.item?.ItemId?.Id)).toEqual(['id0', 'id1', 'id2', 'id3']);
    expect(transport.of('GetItem').map((r) => r.body.ItemIds.map((i: { Id: string }) => i.Id))).toEqual([['id0', 'id1', 'id2', 'id3'], ['id2', 'id3']]);
  });
});

describe('a complete response that cannot be read is not retried', () => {
  const unreadable = (operation: string) => (request: SentRequest): Reply | undefined =>
    request.operation === operation ? responseEnvelope(operation, [successMessage(operation)]).replace('</m:ResponseMessages>', '</m:ResponseMessage>') : undefined;

  it('getItems: one request; the message read before the break is an answer, the other item reports the request failure (it used to be sent 11 times over ~110 s)', async () => {
    const { transport, batches } = over(unreadable('GetItem'));
    const result = await batches.getItems(['id0', 'id1'], 'IdOnly');
    expect(transport.of('GetItem')).toHaveLength(1);
    expect(result.responses.map((r) => r.errorCode)).toEqual(['NoError', 'ClientRequestFailed']);
    const cause = (result.responses[1].error as ItemRequestFailedError).cause as EwsMalformedResponseError;
    expect(cause).toBeInstanceOf(EwsMalformedResponseError);
    expect(cause.truncated).toBe(false);
  });

  it('deleteItems: one request; the outcome is unknown (the server may have deleted), never a definite failure', async () => {
    const { transport, batches } = over(unreadable('DeleteItem'));
    const result = await batches.deleteItems(['id0']);
    expect(transport.of('DeleteItem')).toHaveLength(1);
    expect(result.responses[0].errorCode).toBe('ClientOutcomeUnknown');
  });
});

describe('an empty HTTP 200 after a request that may have acted', () => {
  it('createItems and updateItems: outcome unknown, not sent again (a definite failure invited retries that duplicated items)', async () => {
    const { transport, mailbox, batches } = over((request, _index, box) => {
      if (request.operation !== 'CreateItem' && request.operation !== 'UpdateItem') return undefined;
      box.answer(request); // the server acts...
      return { status: 200, body: '' }; // ...and answers nothing
    });
    const created = await batches.createItems([task('a'), task('b')], {});
    expect(created.responses.map((r) => r.errorCode)).toEqual(['ClientOutcomeUnknown', 'ClientOutcomeUnknown']);
    expect(mailbox.items.size).toBe(2);
    const [id] = [...mailbox.items.keys()];
    const updated = await batches.updateItems([{ id, itemType: 'Task', set: { Subject: 'x' } }]);
    expect(updated.responses[0].errorCode).toBe('ClientOutcomeUnknown');
    expect(transport.sent.map((r) => r.operation)).toEqual(['CreateItem', 'UpdateItem']);
  });
});

describe('an unusable response message fails only its own item', () => {
  it('a message with no ResponseClass, one with an unknown class and an unknown element: each an Error for its item; the others read', async () => {
    const { batches } = over((request) => request.operation === 'GetItem' ? responseEnvelope('GetItem', [
      successMessage('GetItem', itemsWithId('Message', 'id0', 'ck')),
      successMessage('GetItem', itemsWithId('Message', 'id1', 'ck')).replace(' ResponseClass="Success"', ''),
      successMessage('GetItem', itemsWithId('Message', 'id2', 'ck')).replace('"Success"', '"Fine"'),
      '<m:x><m:ResponseCode>NoError</m:ResponseCode></m:x>',
      errorMessage('GetItem', 'ErrorItemNotFound', NOT_FOUND_TEXT),
    ]) : undefined);
    const result = await batches.getItems(['id0', 'id1', 'id2', 'id3', 'id4'], 'IdOnly');

    expect(result.responses.map((r) => [r.result, r.errorCode])).toEqual([
      ['Success', 'NoError'], ['Error', 'ClientInvalidResponse'], ['Error', 'ClientInvalidResponse'], ['Error', 'ClientInvalidResponse'],
      ['Error', 'ErrorItemNotFound'],
    ]);
    expect(result.overallResult).toBe('Error');
    expect(result.responses[1].errorMessage).toBe("the server's GetItemResponseMessage has no ResponseClass (its ResponseCode: NoError)");
    expect(result.responses[2].errorMessage).toMatch(/ResponseClass "Fine", which is none of Success, Warning, Error/);
    expect(result.responses[3].errorMessage).toMatch(/answered <x>, which is no response message this client knows/);
    expect(result.responses[3].diagnostics).toEqual([expect.objectContaining({ action: 'raw', entryIndex: 3 })]);
    expect(result.responses[2].diagnostics).toEqual([expect.objectContaining({ action: 'kept', value: 'Fine' })]);
  });
});

describe('many chunks on one AbortSignal', () => {
  it('the caller\'s signal gets one listener for the whole batch, however many chunks wait on it (no MaxListenersExceededWarning)', async () => {
    const controller = new AbortController();
    const counts: number[] = [];
    const { batches } = over((request, _index, mailbox) => {
      counts.push(getEventListeners(controller.signal, 'abort').length);
      return mailbox.answer(request);
    });
    const result = await batches.createItems(Array.from({ length: 60 }, (_, i) => task(`t${i}`)), { batchSize: 2, signal: controller.signal });
    expect(result.overallResult).toBe('Success');
    expect(counts).toHaveLength(30);
    expect(Math.max(...counts)).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('aborting the caller\'s signal still stops the waiting chunks', async () => {
    const controller = new AbortController();
    const { batches } = over((request, index, mailbox) => {
      if (index === 1) controller.abort();
      return mailbox.answer(request);
    });
    const result = await batches.createItems(Array.from({ length: 10 }, (_, i) => task(`t${i}`)), { batchSize: 2, signal: controller.signal });
    expect(result.responses.filter((r) => r.errorCode === 'ClientAborted').length).toBeGreaterThanOrEqual(6);
  });
});
