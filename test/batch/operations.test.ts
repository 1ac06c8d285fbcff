/**
 * The other operations' requests and results (moveItems, copyItems, sendItems, deleteItems, getItems),
 * the id forms they accept, and the request-level failures: abort, an unusable endpoint, a fault.
 */
import { ItemAbortedError, ItemBatches, ItemOutcomeUnknownError, ItemRequestFailedError, type ItemIdInput } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import { EwsAbortError, EwsAuthenticationError } from '../../src/client/errors';
import { XsdValidator } from '../../src/validation/xsd-validator';
import { extractBodyElement } from '../support/corpus';
import { soapFault } from '../support/soap';
import { itemsWithId, responseEnvelope, successMessage } from './support/exchange-xml';
import { FakeMailbox } from './support/fake-mailbox';
import { ScriptedTransport, type Reply, type SentRequest } from './support/scripted-transport';
import { VirtualClock } from './support/virtual-clock';

/** Success for every item id of the request, with a new id `new-<id>` where the operation returns items. */
function allSucceed(request: SentRequest): string {
  const withItems = ['GetItem', 'MoveItem', 'CopyItem'].includes(request.operation);
  return responseEnvelope(request.operation, request.body.ItemIds.map((id: { Id?: string; RecurringMasterId?: string }) =>
    successMessage(request.operation, withItems ? itemsWithId('Message', `new-${id.Id ?? id.RecurringMasterId}`, 'CK1') : '')));
}

function over(script: (request: SentRequest, index: number) => Reply = allSucceed, options = {}) {
  const transport = new ScriptedTransport(script);
  const batches = new ItemBatches(new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport }), { clock: new VirtualClock(), ...options });
  return { transport, batches };
}

describe('move, copy, send, delete and get requests', () => {
  it('build schema-valid requests with their options, and return the new items of moves and copies', async () => {
    const { transport, batches } = over();
    const moved = await batches.moveItems(['AAMkA1'], 'deleteditems', { returnNewItemIds: true });
    await batches.copyItems(['AAMkA1'], { FolderId: { Id: 'AAMkF1', ChangeKey: 'AQAAAA' } });
    await batches.sendItems(['AAMkA1']);
    await batches.sendItems(['AAMkA1'], { saveItemToFolder: false, savedItemFolderId: 'sentitems' });
    await batches.deleteItems(['AAMkA1']);
    await batches.deleteItems(['AAMkA1'], { deleteType: 'HardDelete', sendMeetingCancellations: 'SendOnlyToAll', affectedTaskOccurrences: 'AllOccurrences', suppressReadReceipts: true });
    await batches.bindToItems(['AAMkA1']);
    await batches.getItems(['AAMkA1'], { BaseShape: 'IdOnly', BodyType: 'Text', AdditionalProperties: ['item:Subject'] });

    const bodies = transport.sent.map(({ operation, body: { ItemIds: _, ...rest } }) => [operation, rest]);
    expect(bodies).toEqual([
      ['MoveItem', { ToFolderId: { DistinguishedFolderId: { Id: 'deleteditems' } }, ReturnNewItemIds: true }],
      ['CopyItem', { ToFolderId: { FolderId: { Id: 'AAMkF1', ChangeKey: 'AQAAAA' } } }],
      ['SendItem', { SaveItemToFolder: true }],
      ['SendItem', { SaveItemToFolder: false }],
      ['DeleteItem', { DeleteType: 'MoveToDeletedItems' }],
      ['DeleteItem', { DeleteType: 'HardDelete', SendMeetingCancellations: 'SendOnlyToAll', AffectedTaskOccurrences: 'AllOccurrences', SuppressReadReceipts: true }],
      ['GetItem', { ItemShape: { BaseShape: 'AllProperties' } }],
      ['GetItem', { ItemShape: { BaseShape: 'IdOnly', BodyType: 'Text', AdditionalProperties: [{ $el: 'FieldURI', FieldURI: 'item:Subject' }] } }],
    ]);
    expect(moved.responses[0].item?.ItemId).toEqual({ Id: 'new-AAMkA1', ChangeKey: 'CK1' });
    const verdicts = await (await XsdValidator.shared()).validate(transport.sent.map((r, i) => ({ name: `${i}`, xml: extractBodyElement(r.envelope) })));
    expect(verdicts.flatMap((v) => v.errors)).toEqual([]);
  });

  it('accept an Id string, an ItemId, an item from an earlier result and a tagged id entry', async () => {
    const { transport, batches } = over();
    const ids: ItemIdInput[] = [
      'AAMkA1',
      { Id: 'AAMkA2', ChangeKey: 'CK2' },
      { $el: 'CalendarItem', ItemId: { Id: 'AAMkA3', ChangeKey: 'CK3' }, Subject: 'from a result' },
      { $el: 'RecurringMasterItemId', OccurrenceId: 'AAMkO4' },
    ];
    const result = await batches.deleteItems(ids, { sendMeetingCancellations: 'SendToNone' });
    expect(transport.sent[0].body.ItemIds).toEqual([
      { $el: 'ItemId', Id: 'AAMkA1' },
      { $el: 'ItemId', Id: 'AAMkA2', ChangeKey: 'CK2' },
      { $el: 'ItemId', Id: 'AAMkA3', ChangeKey: 'CK3' },
      { $el: 'RecurringMasterItemId', OccurrenceId: 'AAMkO4' },
    ]);
    expect(result.overallResult).toBe('Success');
  });

  it('turn an id that names nothing into that item\'s ClientInvalidInput, and reject a folder name that does not exist', async () => {
    const { transport, batches } = over();
    const result = await batches.getItems(['', 42 as unknown as string, 'AAMkA1'], 'IdOnly');
    expect(result.responses.map((r) => r.errorCode)).toEqual(['ClientInvalidInput', 'ClientInvalidInput', 'NoError']);
    expect(transport.sent).toHaveLength(1);
    await expect(batches.moveItems(['AAMkA1'], 'Inbox' as never)).rejects.toThrow(TypeError);
  });
});

describe('request-level failures', () => {
  it('an AbortSignal fired before the call: every item ClientAborted, nothing sent', async () => {
    const { transport, batches } = over();
    const result = await batches.deleteItems(['AAMkA1', 'AAMkA2'], { signal: AbortSignal.abort() });
    expect(transport.sent).toHaveLength(0);
    expect(result.responses.map((r) => [r.errorCode, r.error instanceof ItemAbortedError])).toEqual([['ClientAborted', true], ['ClientAborted', true]]);
  });

  it('an abort during the batch: answered items keep their results, unsent ones are ClientAborted', async () => {
    const controller = new AbortController();
    const mailbox = new FakeMailbox();
    const { transport, batches } = over((request) => {
      controller.abort();
      return mailbox.answer(request);
    }, { concurrency: 1, batchSize: 2 });
    const items = Array.from({ length: 5 }, (_, i) => ({ $el: 'Task' as const, Subject: `t${i}` }));
    const result = await batches.createItems(items, { signal: controller.signal });
    expect(transport.sent).toHaveLength(1);
    expect(result.responses.map((r) => r.errorCode)).toEqual(['NoError', 'NoError', 'ClientAborted', 'ClientAborted', 'ClientAborted']);
  });

  it('an abort while a create is in flight is an unknown outcome; for a read it is ClientAborted', async () => {
    const inFlightAbort = () => {
      const controller = new AbortController();
      return { controller, script: () => { controller.abort(); return new EwsAbortError(true); } };
    };
    const create = inFlightAbort();
    const created = await over(create.script).batches.createItems([{ $el: 'Task', Subject: 't' }], { signal: create.controller.signal });
    expect(created.responses[0].error).toBeInstanceOf(ItemOutcomeUnknownError);
    const read = inFlightAbort();
    const got = await over(read.script).batches.getItems(['AAMkA1'], 'IdOnly', { signal: read.controller.signal });
    expect(got.responses[0].error).toBeInstanceOf(ItemAbortedError);
  });

  it('an authentication failure stops the batch: the other chunks are not sent and say why', async () => {
    const { transport, batches } = over(() => ({ status: 401, headers: { 'www-authenticate': 'NTLM' }, body: '' }), { concurrency: 1, batchSize: 2 });
    const result = await batches.getItems(['A1', 'A2', 'A3', 'A4', 'A5'], 'IdOnly');
    expect(transport.sent).toHaveLength(1);
    expect(result.responses.map((r) => r.errorCode)).toEqual(Array(5).fill('ClientRequestFailed'));
    expect(result.responses.every((r) => r.error instanceof ItemRequestFailedError && r.error.cause instanceof EwsAuthenticationError)).toBe(true);
    expect(result.responses[4].errorMessage).toMatch(/not sent, since an earlier request of this batch failed/);
  });

  it('a fault that retrying cannot fix fails its chunk with the fault\'s code, once; other chunks succeed', async () => {
    const fault = soapFault('ErrorInvalidRequest', 'The request is invalid.');
    const { transport, batches } = over((request, index) => (index === 0 ? { status: 500, body: fault } : allSucceed(request)), { concurrency: 1, batchSize: 2 });
    const result = await batches.getItems(['A1', 'A2', 'A3'], 'IdOnly');
    expect(transport.sent).toHaveLength(2);
    expect(result.responses.map((r) => r.errorCode)).toEqual(['ErrorInvalidRequest', 'ErrorInvalidRequest', 'NoError']);
  });
});
