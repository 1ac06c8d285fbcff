import { childPosition, childSlot, compileGlobalElement, compileSimple, compileType, type CompiledField } from '../../src/runtime/compile';
import { findGlobalElementKey, isDerivedFrom, substitutes } from '../../src/runtime/schema-index';
import { M_NS, miniSchema, T_NS } from './fixtures/mini-schema';

const props = (fields: readonly CompiledField[]): string[] => fields.map((field) => field.prop);

describe('compileType', () => {
  test('flattens an extension chain: the base\'s fields first, then each derived type\'s own', () => {
    const item = props(compileType(miniSchema, 'ItemType').fields);
    expect(props(compileType(miniSchema, 'MeetingRequestMessageType').fields)).toEqual([
      ...item, 'From', 'IsRead', 'IsReadReceiptRequested', 'MeetingRequestType',
    ]);
  });

  test('takes a restriction\'s content as complete, without its base\'s', () => {
    expect(props(compileType(miniSchema, 'ItemSummaryType').fields)).toEqual(['ItemId', 'Subject']);
  });

  test('inherits attributes and the text type of a simpleContent extension', () => {
    const uniqueBody = compileType(miniSchema, 'UniqueBodyType');
    expect(uniqueBody.attributes.map((attribute) => attribute.qname)).toEqual(['BodyType', 'xml:lang', 'IsTruncated']);
    expect(uniqueBody.text?.name).toBe('xs:string');
    expect(uniqueBody.attributeIndex.get('http://www.w3.org/XML/1998/namespace')?.get('lang')?.prop).toBe('lang');
  });

  test('compiles each type once per schema and separately for another schema object', () => {
    expect(compileType(miniSchema, 'ItemType')).toBe(compileType(miniSchema, 'ItemType'));
    const copy = { ...miniSchema };
    expect(compileType(copy, 'ItemType')).not.toBe(compileType(miniSchema, 'ItemType'));
    expect(compileType(copy, 'ItemType').fields[0]).toEqual(compileType(miniSchema, 'ItemType').fields[0]);
  });

  test('compiles recursive types into a cycle of the same compiled objects', () => {
    const and = compileType(miniSchema, 'AndType');
    const expressions = and.fields[0];
    expect(expressions.kind).toBe('compound');
    if (expressions.kind === 'compound') expect(expressions.alternatives.get('And')?.type).toBe(and);
  });

  test('shares a base type\'s compiled fields with every derived type', () => {
    expect(compileType(miniSchema, 'MessageType').fields[1]).toBe(compileType(miniSchema, 'CalendarItemType').fields[1]);
  });

  test('finds children by namespace and local name, aliases included', () => {
    const groups = compileType(miniSchema, 'ArrayOfGroupedItemsType');
    expect(childSlot(groups, T_NS, 'Group')).toBe(childSlot(groups, T_NS, 'GroupedItems'));
    expect(childSlot(groups, T_NS, 'Group')?.element.name).toBe('GroupedItems');
    const getItem = compileType(miniSchema, 'GetItemType');
    expect(childSlot(getItem, M_NS, 'ItemShape')?.prop).toBe('ItemShape');
    expect(childSlot(getItem, T_NS, 'ItemShape')).toBeUndefined();
  });

  test('childPosition finds each child from where its previous sibling was: next in order, skipped ahead, repeated, aliased, or back', () => {
    const message = compileType(miniSchema, 'MessageType');
    const name = (position: number) => (position < 0 ? undefined : message.childOrder[position].element.name);
    const subject = childPosition(message, -1, T_NS, 'Subject');
    expect(name(subject)).toBe('Subject');
    expect(name(childPosition(message, subject, T_NS, 'Body'))).toBe('Body'); // the next slot
    expect(name(childPosition(message, subject, T_NS, 'IsRead'))).toBe('IsRead'); // far beyond the look-ahead
    expect(name(childPosition(message, subject, T_NS, 'ItemId'))).toBe('ItemId'); // out of order: still found
    const extended = childPosition(message, -1, T_NS, 'ExtendedProperty');
    expect(childPosition(message, extended, T_NS, 'ExtendedProperty')).toBe(extended); // a repeated element
    expect(childPosition(message, subject, M_NS, 'Body')).toBe(-1); // right name, wrong namespace
    expect(childPosition(message, subject, T_NS, 'Nothing')).toBe(-1);
    const groups = compileType(miniSchema, 'ArrayOfGroupedItemsType');
    expect(childPosition(groups, -1, T_NS, 'Group')).toBe(childPosition(groups, -1, T_NS, 'GroupedItems'));
  });

  test('tells compound and wildcard entries apart from plain fields', () => {
    const items = compileType(miniSchema, 'ArrayOfRealItemsType');
    expect(items.wrapper).toBe(true);
    expect(childSlot(items, T_NS, 'CalendarItem')).toMatchObject({ prop: 'Items', many: true, entry: true });
    expect(childSlot(compileType(miniSchema, 'ItemType'), T_NS, 'Subject')).toMatchObject({ prop: 'Subject', many: false, entry: false });
  });

  test('applies the namespace constraint of a wildcard', () => {
    const [other] = compileType(miniSchema, 'EncryptedDataContainerType').wildcards;
    expect([other.accepts('urn:x'), other.accepts(T_NS), other.accepts('')]).toEqual([true, false, false]);
    const [any] = compileType(miniSchema, 'ResponseMessageType_MessageXml').wildcards;
    expect([any.accepts('urn:x'), any.accepts(M_NS), any.accepts('')]).toEqual([true, true, true]);
  });

  test('does not cache a type whose compilation failed (a broken schema fails every time, not just once)', () => {
    const broken = {
      ...miniSchema,
      types: { ...miniSchema.types, BrokenType: { kind: 'complex' as const, name: 'BrokenType', ns: 't', attributes: [
        { name: 'A', prop: 'A', type: 'MissingType' },
      ], fields: [] } },
    };
    expect(() => compileType(broken, 'BrokenType')).toThrow('unknown type MissingType');
    expect(() => compileType(broken, 'BrokenType')).toThrow('unknown type MissingType');
  });

  test('compiles a child element\'s type when it is first used, not with its parent; a broken one fails every time it is used', () => {
    const broken = {
      ...miniSchema,
      types: { ...miniSchema.types, BrokenType: { kind: 'complex' as const, name: 'BrokenType', ns: 't', attributes: [], fields: [
        { kind: 'element' as const, prop: 'X', min: 0, many: false, element: { name: 'X', ns: 't', type: 'MissingType' } },
      ] } },
    };
    const [field] = compileType(broken, 'BrokenType').fields;
    if (field.kind !== 'element') throw new Error('expected an element field');
    expect(() => field.element.type).toThrow('unknown type MissingType');
    expect(() => field.element.type).toThrow('unknown type MissingType');
  });

  test('refuses a name that is not a complex type', () => {
    expect(() => compileType(miniSchema, 'NoSuchType')).toThrow('NoSuchType is not a complex type of this schema');
    expect(() => compileType(miniSchema, 'BodyTypeType')).toThrow('BodyTypeType is not a complex type of this schema');
  });
});

describe('compileSimple', () => {
  test('resolves named simple types to their built-in, list items and numeric rules', () => {
    expect(compileSimple(miniSchema, 'DaysOfWeekType').listItem?.name).toBe('DayOfWeekType');
    expect(compileSimple(miniSchema, 'PropertyTagType')).toMatchObject({ valueKind: 'string', union: true });
    expect(compileSimple(miniSchema, 'xs:unsignedByte')).toMatchObject({ valueKind: 'number', numberRule: { integer: true, min: 0, max: 255 } });
    expect(compileSimple(miniSchema, 'xs:duration').valueKind).toBe('duration');
  });

  test('refuses an unknown type and a complex one', () => {
    expect(() => compileSimple(miniSchema, 'Nope')).toThrow('unknown type Nope');
    expect(() => compileSimple(miniSchema, 'ItemType')).toThrow('ItemType is a complex type where a simple type is required');
  });
});

describe('schema index', () => {
  test('finds global elements by namespace and local name', () => {
    expect(findGlobalElementKey(miniSchema, T_NS, 'FieldURI')).toBe('t:FieldURI');
    expect(findGlobalElementKey(miniSchema, M_NS, 'FieldURI')).toBeUndefined();
    expect(compileGlobalElement(miniSchema, 'm:GetItem').type).toBe(compileType(miniSchema, 'GetItemType'));
  });

  test('knows substitution groups and derived types', () => {
    expect([substitutes(miniSchema, 't:FieldURI', 't:Path'), substitutes(miniSchema, 't:Path', 't:FieldURI')]).toEqual([true, false]);
    expect(isDerivedFrom(miniSchema, 'MeetingRequestMessageType', 'ItemType')).toBe(true);
    expect(isDerivedFrom(miniSchema, 'ItemType', 'MessageType')).toBe(false);
    expect(isDerivedFrom(miniSchema, 'CalendarItemType', 'MessageType')).toBe(false);
  });
});
