import { extendedField, field, fieldUriFor, indexedField, pathOf, singlePath } from '../../src/schema/paths';

describe('property paths', () => {
  it('builds the three path kinds as tagged entries', () => {
    expect(field('item:Subject')).toEqual({ $el: 'FieldURI', FieldURI: 'item:Subject' });
    expect(indexedField('contacts:EmailAddress', 'EmailAddress1')).toEqual({ $el: 'IndexedFieldURI', FieldURI: 'contacts:EmailAddress', FieldIndex: 'EmailAddress1' });
    expect(extendedField({ PropertyTag: '0x0E08', PropertyType: 'Integer' })).toEqual({ $el: 'ExtendedFieldURI', PropertyTag: '0x0E08', PropertyType: 'Integer' });
  });

  it('converts between the entry form and the single-path form both ways', () => {
    const paths = [field('calendar:Start'), indexedField('contacts:PhoneNumber', 'MobilePhone'), extendedField({ PropertyTag: '0x1000', PropertyType: 'String' })];
    expect(singlePath('item:Subject')).toEqual({ FieldURI: { FieldURI: 'item:Subject' } });
    for (const path of paths) expect(pathOf(singlePath(path))).toEqual(path);
  });

  it('finds the FieldURI of a property on a type through its bases', () => {
    expect(fieldUriFor('CalendarItemType', 'Subject')).toBe('item:Subject');
    expect(fieldUriFor('CalendarItemType', 'Start')).toBe('calendar:Start');
    expect(fieldUriFor('MessageType', 'IsRead')).toBe('message:IsRead');
    expect(fieldUriFor('MessageType', 'Start')).toBeUndefined();
    expect(fieldUriFor('ContactItemType', 'GivenName')).toBe('contacts:GivenName');
  });
});
