/**
 * The first seed, as an EWS Managed API user runs it: create three calendar items (an appointment, a
 * weekly meeting recurring ten times, a meeting with three attendees), read them, update their subjects,
 * delete them, and delete them again. Over real HTTP against the loopback server; every request is
 * schema-valid and, for the seed inputs, byte-identical to the committed wire snapshots.
 */
import { ItemBatches } from '../../src/batch';
import type { ServiceResponse, ServiceResponseCollection } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import type { CalendarItemType } from '../../generated/types';
import { XsdValidator } from '../../src/validation/xsd-validator';
import { extractBodyElement } from '../support/corpus';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';
import { seedCalendarItems, seedCreateItem, seedDeleteItem, seedGetItem, seedIds, seedUpdateItem } from '../support/seed-requests';
import { RecordingTransport } from '../support/soap';
import { responseEnvelope } from './support/exchange-xml';
import { FakeMailbox } from './support/fake-mailbox';
import { ScriptedTransport } from './support/scripted-transport';

const calendarItems = seedCalendarItems.map((item) => ({ $el: 'CalendarItem' as const, ...item }));
const createOptions = { savedItemFolderId: 'calendar', sendMeetingInvitations: 'SendToAllAndSaveCopy' } as const;
const seedPropertySet = { BaseShape: 'Default', AdditionalProperties: ['calendar:IsRecurring', 'calendar:RequiredAttendees'] } as const;
const updateOptions = { conflictResolution: 'AutoResolve', sendMeetingInvitationsOrCancellations: 'SendToNone' } as const;
const deleteOptions = { deleteType: 'MoveToDeletedItems', sendMeetingCancellations: 'SendToNone' } as const;
const renamed = (i: number) => ({ Subject: `${seedCalendarItems[i].Subject} (updated)` });

/** result and errorCode per item, the overall result: the shape of the seed's expected output. */
function outline(collection: ServiceResponseCollection<ServiceResponse>) {
  return { overall: collection.overallResult, items: collection.responses.map((r) => `${r.result} ${r.errorCode}`) };
}

describe('the seed sequence against the loopback server', () => {
  let server: LoopbackServer;
  let client: ExchangeClient;
  let mailbox: FakeMailbox;

  beforeAll(async () => {
    mailbox = new FakeMailbox();
    server = await startLoopbackServer(mailbox.handler);
    client = new ExchangeClient({ url: server.url, version: 'Exchange2013_SP1', timeZone: 'UTC' });
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('creates, reads, updates and deletes the three items; deleting again gives ErrorItemNotFound per item, no exception', async () => {
    const batches = new ItemBatches(client);

    const created = await batches.createItems(calendarItems, createOptions);
    expect(outline(created)).toEqual({ overall: 'Success', items: Array(3).fill('Success NoError') });
    const ids = created.responses.map((r) => r.item!.ItemId!);
    expect(created.responses.map((r) => r.item!.$el)).toEqual(['CalendarItem', 'CalendarItem', 'CalendarItem']);
    expect(new Set(ids.map((id) => id.Id)).size).toBe(3);

    const read = await batches.getItems(ids, seedPropertySet);
    expect(outline(read)).toEqual({ overall: 'Success', items: Array(3).fill('Success NoError') });
    const items = read.responses.map((r) => r.item as CalendarItemType);
    expect(items.map((i) => [i.Subject, i.IsRecurring])).toEqual([['Dentist', false], ['Weekly sync', true], ['Quarterly review', false]]);
    expect(items[1].Recurrence?.NumberedRecurrence?.NumberOfOccurrences).toBe(10);
    expect(items[2].RequiredAttendees?.map((a) => a.Mailbox.EmailAddress)).toEqual(['bob@contoso.com', 'carol@contoso.com']);

    const updated = await batches.updateItems(ids.map((id, i) => ({ id, itemType: 'CalendarItem', set: renamed(i) })), updateOptions);
    expect(outline(updated)).toEqual({ overall: 'Success', items: Array(3).fill('Success NoError') });
    const newIds = updated.responses.map((r) => r.item!.ItemId!);
    expect(newIds.map((id, i) => id.ChangeKey !== ids[i].ChangeKey)).toEqual([true, true, true]);
    expect(updated.responses.map((r) => r.conflictCount)).toEqual([0, 0, 0]);
    expect([...mailbox.items.values()].map((item) => item.properties.Subject)).toEqual(['Dentist (updated)', 'Weekly sync (updated)', 'Quarterly review (updated)']);

    const deleted = await batches.deleteItems(newIds, deleteOptions);
    expect(outline(deleted)).toEqual({ overall: 'Success', items: Array(3).fill('Success NoError') });
    expect(mailbox.items.size).toBe(0);

    const again = await batches.deleteItems(newIds, deleteOptions);
    expect(outline(again)).toEqual({ overall: 'Error', items: Array(3).fill('Error ErrorItemNotFound') });
    expect(again.responses.map((r) => r.errorMessage)).toEqual(Array(3).fill('The specified object was not found in the store.'));
    expect(again.responses.every((r) => r.error === undefined)).toBe(true);

    expect(server.requests.map((r) => r.headers.soapaction)).toEqual(
      ['CreateItem', 'GetItem', 'UpdateItem', 'DeleteItem', 'DeleteItem'].map((op) => `"http://schemas.microsoft.com/exchange/services/2006/messages/${op}"`),
    );
    const validator = await XsdValidator.shared();
    const verdicts = await validator.validate(server.requests.map((r, i) => ({ name: `request ${i}`, xml: extractBodyElement(r.body) })));
    expect(verdicts.flatMap((v) => v.errors)).toEqual([]);
  });
});

describe('for the seed inputs, the batch builders send exactly the seed requests', () => {
  const url = 'https://mail.contoso.com/EWS/Exchange.asmx';
  const context = { url, version: 'Exchange2013_SP1', timeZone: 'UTC' } as const;

  /** The envelope ExchangeClient.call sends for a typed body: the one the wire snapshots commit. */
  async function snapshotEnvelope(operation: 'CreateItem' | 'GetItem' | 'UpdateItem' | 'DeleteItem', body: unknown): Promise<string> {
    const transport = new RecordingTransport(() => responseEnvelope(operation, []));
    await new ExchangeClient({ ...context, transport }).call(operation, body as never);
    return String(transport.requests[0].body);
  }

  async function batchEnvelope(run: (batches: ItemBatches) => Promise<unknown>): Promise<string> {
    const mailbox = new FakeMailbox();
    const transport = new ScriptedTransport((request) => mailbox.answer(request));
    await run(new ItemBatches(new ExchangeClient({ ...context, transport })));
    expect(transport.sent).toHaveLength(1);
    return transport.sent[0].envelope;
  }

  it('createItems(calendar items, { savedItemFolderId, sendMeetingInvitations }) sends the seed CreateItem', async () => {
    expect(await batchEnvelope((b) => b.createItems(calendarItems, createOptions))).toBe(await snapshotEnvelope('CreateItem', seedCreateItem));
  });

  it('getItems(ids, { BaseShape, AdditionalProperties as FieldURI strings }) sends the seed GetItem', async () => {
    expect(await batchEnvelope((b) => b.getItems(seedIds, seedPropertySet))).toBe(await snapshotEnvelope('GetItem', seedGetItem));
  });

  it('updateItems({ id, itemType: CalendarItem, set: { Subject } }) sends the seed UpdateItem', async () => {
    const changes = seedIds.map((id, i) => ({ id, itemType: 'CalendarItem' as const, set: renamed(i) }));
    expect(await batchEnvelope((b) => b.updateItems(changes, updateOptions))).toBe(await snapshotEnvelope('UpdateItem', seedUpdateItem));
  });

  it('deleteItems(ids, { deleteType, sendMeetingCancellations }) sends the seed DeleteItem', async () => {
    expect(await batchEnvelope((b) => b.deleteItems(seedIds, deleteOptions))).toBe(await snapshotEnvelope('DeleteItem', seedDeleteItem));
  });
});
