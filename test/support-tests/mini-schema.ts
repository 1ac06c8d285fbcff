/**
 * A small hand-written SchemaSet shaped like parts of the EWS schemas, for testing the sample generator
 * without generated/schema.ts. Comments name the EWS construct each type imitates.
 */
import { ComplexTypeDesc, ElementField, FieldDesc, SchemaSet, SimpleTypeDesc, TypeDesc } from '../../src/schema/descriptors';

const el = (prop: string, type: string, min: number, many = false, choice?: ElementField['choice']): ElementField => ({
  kind: 'element', prop, element: { name: prop, ns: 't', type }, min, many, ...(choice ? { choice } : {}),
});
const complex = (name: string, fields: FieldDesc[], extra: Partial<ComplexTypeDesc> = {}): ComplexTypeDesc => ({
  kind: 'complex', name, ns: 't', attributes: [], fields, ...extra,
});
const simple = (name: string, extra: Omit<SimpleTypeDesc, 'kind' | 'name' | 'ns'>): SimpleTypeDesc => ({ kind: 'simple', name, ns: 't', ...extra });

const GUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';

const types: TypeDesc[] = [
  // Simple types: enumeration, list of enumeration, pattern, union, facets.
  simple('DefaultShapeNamesType', { builtin: 'xs:string', enum: ['IdOnly', 'Default', 'AllProperties'] }),
  simple('DayOfWeekType', { builtin: 'xs:string', enum: ['Sunday', 'Monday', 'Tuesday'] }),
  simple('DaysOfWeekType', { builtin: 'xs:string', list: 'DayOfWeekType' }),
  simple('GuidType', { builtin: 'xs:string', facets: { pattern: [GUID] } }),
  simple('HexPropertyTagType', { builtin: 'xs:string', facets: { pattern: ['(0x|0X)[0-9A-Fa-f]{1,4}'] } }),
  simple('PropertyTagType', { builtin: 'xs:string', union: ['xs:unsignedShort', 'HexPropertyTagType'] }),
  simple('ReminderMinutesType', { builtin: 'xs:int', facets: { minInclusive: '10', maxInclusive: '1440' } }),
  simple('MarkerType', { builtin: 'xs:int', facets: { minInclusive: '1525252321', maxInclusive: '1525252321' } }),
  simple('NonEmptyStringType', { builtin: 'xs:string', facets: { minLength: 1 } }),
  simple('EmptyStringType', { builtin: 'xs:string', facets: { length: 0 } }),
  simple('ShortStringType', { builtin: 'xs:string', facets: { maxLength: 6 } }),
  simple('LongStringType', { builtin: 'xs:string', facets: { minLength: 40 } }),
  simple('OddPatternType', { builtin: 'xs:string', facets: { pattern: ['[A-Z]{3}'] } }),

  // Attributes, simple content, xml:lang (t:BodyType, t:ReplyBody).
  complex('ItemIdType', [], {
    base: 'BaseItemIdType', derivation: 'extension',
    attributes: [{ name: 'Id', prop: 'Id', type: 'xs:string', required: true }, { name: 'ChangeKey', prop: 'ChangeKey', type: 'xs:string' }],
  }),
  complex('OccurrenceItemIdType', [], { base: 'BaseItemIdType', derivation: 'extension', attributes: [{ name: 'InstanceIndex', prop: 'InstanceIndex', type: 'xs:int', required: true }] }),
  complex('BaseItemIdType', [], { abstract: true }),
  complex('BodyType', [], { text: 'xs:string', attributes: [{ name: 'BodyType', prop: 'BodyType', type: 'DefaultShapeNamesType', required: true }] }),
  complex('ReplyBody', [el('Message', 'xs:string', 0)], { attributes: [{ name: 'lang', ns: 'xml', prop: 'lang', type: 'xs:language' }] }),

  // Wrappers and a compound of polymorphic items (t:ArrayOfStringsType, t:ArrayOfRealItemsType).
  complex('ArrayOfStringsType', [el('String', 'xs:string', 0, true)], { wrapper: true }),
  complex('ArrayOfRealItemsType', [{
    kind: 'compound', prop: 'Items', min: 0,
    alternatives: [
      { name: 'Item', ns: 't', type: 'ItemType' },
      { name: 'Message', ns: 't', type: 'MessageType' },
      { name: 'CalendarItem', ns: 't', type: 'CalendarItemType' },
      { name: 'Note', ns: 't', type: 'NonEmptyStringType' }, // not in EWS: a simple alternative
    ],
  }], { wrapper: true }),
  complex('ItemType', [
    el('ItemId', 'ItemIdType', 0), el('Subject', 'xs:string', 0), el('Body', 'BodyType', 0), el('Categories', 'ArrayOfStringsType', 0),
    el('DateTimeSent', 'xs:dateTime', 0), el('Size', 'xs:int', 0), el('IsRead', 'xs:boolean', 0), el('ConversationId', 'GuidType', 0),
  ]),
  complex('MessageType', [el('From', 'xs:string', 0), el('ReminderMinutes', 'ReminderMinutesType', 1)], { base: 'ItemType', derivation: 'extension' }),
  complex('CalendarItemType', [el('Start', 'xs:dateTime', 0), el('Recurrence', 'RecurrenceType', 0)], { base: 'ItemType', derivation: 'extension' }),

  // Single choices: one group with a sequence branch, one optional group (t:RecurrenceType-like).
  complex('RecurrenceType', [
    el('Weekly', 'DaysOfWeekType', 1, false, { group: 0, branch: 0, required: true }),
    el('Interval', 'xs:int', 0, false, { group: 0, branch: 0, required: true }),
    el('Daily', 'xs:int', 1, false, { group: 0, branch: 1, required: true }),
    el('NoEnd', 'xs:date', 1, false, { group: 1, branch: 0, required: false }),
    el('Numbered', 'xs:int', 1, false, { group: 1, branch: 1, required: false }),
    el('Comment', 'xs:string', 0),
  ]),

  // Recursion through a required choice and a required compound (t:ProtectionRuleConditionType).
  complex('ConditionType', [
    el('AllInternal', 'EmptyStringType', 1, false, { group: 0, branch: 0, required: true }),
    el('And', 'AndType', 1, false, { group: 0, branch: 1, required: true }),
  ]),
  complex('AndType', [{
    kind: 'compound', prop: 'Conditions', min: 1,
    alternatives: [{ name: 'And', ns: 't', type: 'AndType' }, { name: 'AllInternal', ns: 't', type: 'EmptyStringType' }],
  }]),
  // Plain recursion through an optional repeated field.
  complex('TreeNodeType', [el('Name', 'NonEmptyStringType', 1), el('Children', 'TreeNodeType', 0, true)]),

  // Wildcards (t:EncryptedDataContainerType requires one; t:ConfigurationRequestDetailsType does not).
  complex('EncryptedDataContainerType', [{ kind: 'any', prop: 'any', many: false, min: 1, namespace: '##other', processContents: 'skip' }]),
  complex('ConfigurationRequestDetailsType', [{ kind: 'any', prop: 'any', many: true, min: 0, namespace: '##any', processContents: 'skip' }]),

  // Misc: values of every kind, and things the generator must not hand over.
  complex('ValuesType', [
    el('Guid', 'GuidType', 1), el('Tag', 'PropertyTagType', 1, true), el('Reminder', 'ReminderMinutesType', 1), el('Marker', 'MarkerType', 1),
    el('NonEmpty', 'NonEmptyStringType', 1), el('Empty', 'EmptyStringType', 1), el('Short', 'ShortStringType', 1), el('Long', 'LongStringType', 1),
    el('When', 'xs:dateTime', 1), el('Day', 'xs:date', 1), el('Time', 'xs:time', 1), el('Span', 'xs:duration', 1), el('Bytes', 'xs:base64Binary', 1),
    el('Flag', 'xs:boolean', 1), el('Count', 'xs:long', 1), el('Ratio', 'xs:double', 1), el('Lang', 'xs:language', 1), el('Days', 'DaysOfWeekType', 1),
  ]),
  complex('OddPatternHolder', [el('Odd', 'OddPatternType', 1)]),
  complex('PathHolder', [{ kind: 'element', prop: 'Path', element: { name: 'Path', ns: 't', type: 'BasePathToElementType' }, min: 1, many: false }]),
  complex('BasePathToElementType', [], { abstract: true }),
  complex('NoConcreteHolder', [el('Base', 'BasePathToElementType', 1)]),
];

export const miniSchema: SchemaSet = {
  namespaces: { t: 'http://schemas.microsoft.com/exchange/services/2006/types', xml: 'http://www.w3.org/XML/1998/namespace' },
  types: Object.fromEntries(types.map((type) => [type.name, type])),
  elements: {
    't:Path': { name: 'Path', ns: 't', type: 'BasePathToElementType', abstract: true },
  },
  operations: {},
};
