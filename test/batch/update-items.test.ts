/**
 * updateItems turns `{ id, set, append, delete, paths }` into schema-valid SetItemField /
 * AppendToItemField / DeleteItemField updates with the FieldURI of each property on the item's type and
 * the right wrapper element; an input that cannot become an update is that item's local error.
 */
import { ItemBatches, ItemInputError, type ItemChange } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import { extendedField, field, indexedField } from '../../src/schema/paths';
import { XsdValidator } from '../../src/validation/xsd-validator';
import { extractBodyElement } from '../support/corpus';
import { errorMessage, itemsWithId, responseEnvelope, successMessage } from './support/exchange-xml';
import { ScriptedTransport, type SentRequest } from './support/scripted-transport';
import { VirtualClock } from './support/virtual-clock';

/** Answers every ItemChange with success, giving the item a new ChangeKey. */
function updated(request: SentRequest): string {
  return responseEnvelope('UpdateItem', request.body.ItemChanges.map((change: { ItemId?: { Id: string } }) =>
    successMessage('UpdateItem', itemsWithId('CalendarItem', change.ItemId?.Id ?? 'occurrence', 'CK2') + '<m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>')));
}

function over(script: (request: SentRequest) => string = updated) {
  const transport = new ScriptedTransport(script);
  const batches = new ItemBatches(new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport }), { clock: new VirtualClock() });
  return { transport, batches };
}

let validator: XsdValidator;
beforeAll(async () => {
  validator = await XsdValidator.shared();
});

async function expectSchemaValid(requests: readonly SentRequest[]): Promise<void> {
  const verdicts = await validator.validate(requests.map((r, i) => ({ name: `request ${i}`, xml: extractBodyElement(r.envelope) })));
  expect(verdicts.flatMap((v) => v.errors)).toEqual([]);
}

const propertySet = { DistinguishedPropertySetId: 'PublicStrings', PropertyName: 'ProjectCode', PropertyType: 'String' } as const;

describe('updateItems request building', () => {
  it('maps set, append and delete by property name to FieldURIs of the item type, wrapped in its element', async () => {
    const { transport, batches } = over();
    await batches.updateItems([{
      id: { Id: 'AAMkA1', ChangeKey: 'CK1' },
      itemType: 'CalendarItem',
      set: { Subject: 'Planning', Start: '2026-12-01T09:00:00Z', Location: undefined },
      append: { Body: { BodyType: 'Text', $value: 'Agenda follows.' } },
      delete: ['Categories', 'calendar:Resources'],
    }], { sendMeetingInvitationsOrCancellations: 'SendToNone' });

    expect(transport.sent[0].body).toEqual({
      ConflictResolution: 'AutoResolve',
      SendMeetingInvitationsOrCancellations: 'SendToNone',
      ItemChanges: [{
        ItemId: { Id: 'AAMkA1', ChangeKey: 'CK1' },
        Updates: [
          { $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, CalendarItem: { Subject: 'Planning' } },
          { $el: 'SetItemField', FieldURI: { FieldURI: 'calendar:Start' }, CalendarItem: { Start: '2026-12-01T09:00:00Z' } },
          { $el: 'AppendToItemField', FieldURI: { FieldURI: 'item:Body' }, CalendarItem: { Body: { BodyType: 'Text', $value: 'Agenda follows.' } } },
          { $el: 'DeleteItemField', FieldURI: { FieldURI: 'item:Categories' } },
          { $el: 'DeleteItemField', FieldURI: { FieldURI: 'calendar:Resources' } },
        ],
      }],
    });
    await expectSchemaValid(transport.sent);
  });

  it('accepts explicit FieldURI, IndexedFieldURI and ExtendedFieldURI paths', async () => {
    const { transport, batches } = over();
    await batches.updateItems([{
      id: 'AAMkC1',
      itemType: 'Contact',
      paths: [
        { set: indexedField('contacts:EmailAddress', 'EmailAddress1'), item: { EmailAddresses: [{ Key: 'EmailAddress1', $value: 'ann@contoso.com' }] } },
        { set: extendedField(propertySet), item: { ExtendedProperty: [{ ExtendedFieldURI: propertySet, Value: 'P-17' }] } },
        { delete: field('contacts:JobTitle') },
        { delete: indexedField('contacts:PhoneNumber', 'MobilePhone') },
      ],
    }]);

    expect(transport.sent[0].body.ItemChanges[0].Updates).toEqual([
      { $el: 'SetItemField', IndexedFieldURI: { FieldURI: 'contacts:EmailAddress', FieldIndex: 'EmailAddress1' }, Contact: { EmailAddresses: [{ Key: 'EmailAddress1', $value: 'ann@contoso.com' }] } },
      { $el: 'SetItemField', ExtendedFieldURI: propertySet, Contact: { ExtendedProperty: [{ ExtendedFieldURI: propertySet, Value: 'P-17' }] } },
      { $el: 'DeleteItemField', FieldURI: { FieldURI: 'contacts:JobTitle' } },
      { $el: 'DeleteItemField', IndexedFieldURI: { FieldURI: 'contacts:PhoneNumber', FieldIndex: 'MobilePhone' } },
    ]);
    await expectSchemaValid(transport.sent);
  });

  it('addresses an occurrence by OccurrenceItemId and defaults the wrapper to Item', async () => {
    const { transport, batches } = over();
    await batches.updateItems([{ id: { $el: 'OccurrenceItemId', RecurringMasterId: 'AAMkM1', InstanceIndex: 3 }, set: { Subject: 'Moved' } }]);
    expect(transport.sent[0].body.ItemChanges[0]).toEqual({
      OccurrenceItemId: { RecurringMasterId: 'AAMkM1', InstanceIndex: 3 },
      Updates: [{ $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Item: { Subject: 'Moved' } }],
    });
    await expectSchemaValid(transport.sent);
  });
});

describe('updateItems input errors', () => {
  it('an unknown property fails that item locally; the other items are still sent, and results keep input order', async () => {
    const { transport, batches } = over();
    const changes = [
      { id: 'AAMkA1', set: { Subject: 'ok' } },
      { id: 'AAMkA2', set: { Subjetc: 'typo' } },
      { id: 'AAMkA3', itemType: 'CalendarItem', set: { Subject: 'ok too' } },
    ] as unknown as ItemChange[];
    const result = await batches.updateItems(changes);

    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0].body.ItemChanges.map((c: { ItemId: { Id: string } }) => c.ItemId.Id)).toEqual(['AAMkA1', 'AAMkA3']);
    expect(result.responses.map((r) => r.errorCode)).toEqual(['NoError', 'ClientInvalidInput', 'NoError']);
    expect(result.responses[1].error).toBeInstanceOf(ItemInputError);
    expect(result.responses[1].errorMessage).toMatch(/Subjetc is not a property of ItemType/);
    expect(result.overallResult).toBe('Error');
  });

  it.each([
    ['a property of another item type', { id: 'AAMkA1', set: { Start: '2026-12-01T09:00:00Z' } }, /Start is not a property of ItemType/],
    ['an element that is no item', { id: 'AAMkA1', itemType: 'Folder', set: { Subject: 'x' } }, /"Folder" is not an item element/],
    ['a change with nothing to do', { id: 'AAMkA1', set: { Subject: undefined } }, /nothing to set, append or delete/],
    ['an id range', { id: { $el: 'RecurringMasterItemIdRanges', Id: 'AAMkA1' }, set: { Subject: 'x' } }, /cannot address an item by RecurringMasterItemIdRanges/],
    ['no id at all', { id: {}, set: { Subject: 'x' } }, /no item id/],
  ])('%s is a ClientInvalidInput response, and nothing is sent', async (_, change, message) => {
    const { transport, batches } = over();
    const result = await batches.updateItems([change as unknown as ItemChange]);
    expect(transport.sent).toHaveLength(0);
    expect(result.responses[0].errorCode).toBe('ClientInvalidInput');
    expect(result.responses[0].errorMessage).toMatch(message);
  });
});

describe('updateItems results', () => {
  it('reports a ChangeKey conflict per item, ConflictResults as conflictCount, and MessageXml paths as errorProperties', async () => {
    const { batches } = over(() => responseEnvelope('UpdateItem', [
      successMessage('UpdateItem', itemsWithId('CalendarItem', 'AAMkA1', 'CK9') + '<m:ConflictResults><t:Count>1</t:Count></m:ConflictResults>'),
      errorMessage('UpdateItem', 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.', '', '<m:Items/>'),
      errorMessage('UpdateItem', 'ErrorInvalidPropertyForOperation', 'This property is not valid for this object type.', '<t:FieldURI FieldURI="calendar:Start"/>', '<m:Items/>'),
    ]));
    const result = await batches.updateItems(['AAMkA1', 'AAMkA2', 'AAMkA3'].map((id) => ({ id, set: { Subject: 'x' } })));

    const [resolved, conflict, invalid] = result.responses;
    expect([resolved.result, resolved.conflictCount, resolved.item?.ItemId]).toEqual(['Success', 1, { Id: 'AAMkA1', ChangeKey: 'CK9' }]);
    expect([conflict.result, conflict.errorCode, conflict.item]).toEqual(['Error', 'ErrorIrresolvableConflict', undefined]);
    expect(invalid.errorProperties).toEqual([{ $el: 'FieldURI', FieldURI: 'calendar:Start' }]);
    expect(invalid.errorDetails).toEqual({ FieldURI: 'calendar:Start' });
  });
});
