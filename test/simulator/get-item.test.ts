/**
 * GetItem: mixed found / not-found / malformed ids in one request, shapes and body conversion,
 * indexed and extended properties, and the error for a property the item type cannot have.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { createItem } from '../../src/simulator/operations/create-item';
import { deleteItem } from '../../src/simulator/operations/delete-item';
import { getItem } from '../../src/simulator/operations/get-item';
import { createdIds, fieldUri, itemId, newWorld, only, type World } from './fixtures';

type GetMessage = m.ItemInfoResponseMessageType & { $el: 'GetItemResponseMessage' };
const CUSTOMER_ID: t.PathToExtendedFieldType = { DistinguishedPropertySetId: 'PublicStrings', PropertyName: 'CustomerId', PropertyType: 'String' };

function seed(world: World): { message: t.ItemIdType; contact: t.ItemIdType } {
  const [message, contact] = createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [
    { $el: 'Message', Subject: 'Menu', Body: { BodyType: 'HTML', $value: '<html><head><style>p{}</style></head><body><p>Soup &amp; salad</p><p>Tea</p></body></html>' },
      ExtendedProperty: [{ ExtendedFieldURI: CUSTOMER_ID, Value: 'C-42' }] },
    { $el: 'Contact', GivenName: 'Dana', Surname: 'Diaz', EmailAddresses: [{ Key: 'EmailAddress1', $value: 'dana@fabrikam.com' }, { Key: 'EmailAddress2', $value: 'dd@home.example' }],
      PhysicalAddresses: [{ Key: 'Business', Street: '1 Main St', City: 'Springfield' }] },
  ] }));
  return { message, contact };
}

const get = (world: World, shape: t.ItemResponseShapeType, ...ids: t.NonEmptyArrayOfBaseItemIdsTypeEntry[]) => getItem(world.alice, { ItemShape: shape, ItemIds: ids });

describe('GetItem', () => {
  test('found, unknown and malformed ids are answered one by one, in request order', () => {
    const world = newWorld();
    const { message, contact } = seed(world);
    deleteItem(world.alice, { DeleteType: 'HardDelete', ItemIds: [itemId(contact)] });
    const response = get(world, { BaseShape: 'IdOnly' }, itemId(message), itemId(contact), { $el: 'ItemId', Id: 'not-an-id' }, itemId(message));
    expect(response.ResponseMessages.map((entry) => [entry.ResponseClass, entry.ResponseCode, entry.MessageText])).toEqual([
      ['Success', 'NoError', undefined],
      ['Error', 'ErrorItemNotFound', 'The specified object was not found in the store.'],
      ['Error', 'ErrorInvalidIdMalformed', 'Id is malformed.'],
      ['Success', 'NoError', undefined],
    ]);
    expect(response.ResponseMessages[1]).toMatchObject({ Items: [], DescriptiveLinkKey: 0 });
    expect((response.ResponseMessages[0] as GetMessage).Items).toEqual([{ $el: 'Message', ItemId: message }]);
  });

  test('an id whose base64 decodes to the wrong structure is malformed too', () => {
    const world = newWorld();
    const { message } = seed(world);
    const truncated = Buffer.from(message.Id, 'base64').subarray(0, 60).toString('base64');
    expect(get(world, { BaseShape: 'IdOnly' }, { $el: 'ItemId', Id: truncated }).ResponseMessages[0].ResponseCode).toBe('ErrorInvalidIdMalformed');
  });

  test('BodyType Text converts an HTML body to text; Best keeps it as stored', () => {
    const world = newWorld();
    const { message } = seed(world);
    const body = (BodyType: t.BodyTypeResponseType) => only<GetMessage>(get(world, { BaseShape: 'Default', BodyType }, itemId(message))).Items[0].Body;
    expect(body('Text')).toEqual({ BodyType: 'Text', $value: 'Soup & salad\r\nTea' });
    expect(body('Best')!.BodyType).toBe('HTML');
  });

  test('BodyType HTML wraps a text body in an HTML document', () => {
    const world = newWorld();
    const [id] = createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Body: { BodyType: 'Text', $value: 'a < b\nsee you' } }] }));
    const body = only<GetMessage>(get(world, { BaseShape: 'IdOnly', BodyType: 'HTML', AdditionalProperties: [fieldUri('item:Body')] }, itemId(id))).Items[0].Body!;
    expect(body.BodyType).toBe('HTML');
    expect(body.$value).toContain('<body>\r\na &lt; b<br>\r\nsee you\r\n</body>');
  });

  test('AdditionalProperties picks one dictionary entry, one address field and an extended property', () => {
    const world = newWorld();
    const { message, contact } = seed(world);
    const shape: t.ItemResponseShapeType = { BaseShape: 'IdOnly', AdditionalProperties: [
      { $el: 'IndexedFieldURI', FieldURI: 'contacts:EmailAddress', FieldIndex: 'EmailAddress2' },
      { $el: 'IndexedFieldURI', FieldURI: 'contacts:PhysicalAddress:City', FieldIndex: 'Business' },
    ] };
    expect(only<GetMessage>(get(world, shape, itemId(contact))).Items[0]).toMatchObject({
      EmailAddresses: [{ Key: 'EmailAddress2', $value: 'dd@home.example' }], PhysicalAddresses: [{ Key: 'Business', City: 'Springfield' }],
    });
    const extended = only<GetMessage>(get(world, { BaseShape: 'IdOnly', AdditionalProperties: [{ $el: 'ExtendedFieldURI', ...CUSTOMER_ID }] }, itemId(message))).Items[0];
    expect(extended.ExtendedProperty).toEqual([{ ExtendedFieldURI: CUSTOMER_ID, Value: 'C-42' }]);
  });

  test('a property the item type cannot have is ErrorInvalidPropertyRequest with the path in MessageXml', () => {
    const world = newWorld();
    const { message } = seed(world);
    const response = get(world, { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('meeting:AssociatedCalendarItemId')] }, itemId(message));
    expect(response.ResponseMessages[0]).toEqual({
      $el: 'GetItemResponseMessage', ResponseClass: 'Error', ResponseCode: 'ErrorInvalidPropertyRequest', MessageText: 'Property is not valid for this object type.',
      DescriptiveLinkKey: 0, MessageXml: { $any: [{ $el: 'FieldURI', $ns: 'http://schemas.microsoft.com/exchange/services/2006/types', FieldURI: 'meeting:AssociatedCalendarItemId' }] }, Items: [],
    });
  });

  test('IncludeMimeContent adds the item as base64 MIME', () => {
    const world = newWorld();
    const { message } = seed(world);
    const mime = only<GetMessage>(get(world, { BaseShape: 'IdOnly', IncludeMimeContent: true }, itemId(message))).Items[0].MimeContent!;
    expect(mime.CharacterSet).toBe('UTF-8');
    expect(Buffer.from(mime.$value, 'base64').toString()).toMatch(/^Subject: Menu\r\n[\s\S]*Content-Type: text\/html; charset="utf-8"/);
  });

  test('returned items are copies: changing them does not change the store', () => {
    const world = newWorld();
    const { message } = seed(world);
    const first = only<GetMessage>(get(world, { BaseShape: 'AllProperties' }, itemId(message))).Items[0];
    first.Subject = 'Changed by the caller';
    expect(only<GetMessage>(get(world, { BaseShape: 'AllProperties' }, itemId(message))).Items[0].Subject).toBe('Menu');
  });
});
