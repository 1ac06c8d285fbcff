import { SAMPLE_STRING, sampleValue } from '../support/samples';
import { miniSchema } from './mini-schema';

type Sample = Record<string, unknown>;
const sample = (type: string, opts: { variant?: number; maxDepth?: number } = {}): Sample => sampleValue(miniSchema, type, opts) as Sample;

/** Levels of nested `Children` below a TreeNodeType sample, and how many nodes it holds. */
function treeShape(node: Sample): { levels: number; nodes: number } {
  const children = (node.Children ?? []) as Sample[];
  const shapes = children.map(treeShape);
  return { levels: Math.max(0, ...shapes.map((s) => s.levels + 1)), nodes: 1 + shapes.reduce((n, s) => n + s.nodes, 0) };
}

describe('sampleValue', () => {
  it('is deterministic: the same type and options give the same value', () => {
    expect(sample('ArrayOfRealItemsType')).toEqual(sample('ArrayOfRealItemsType'));
    expect(sample('RecurrenceType', { variant: 5 })).toEqual(sample('RecurrenceType', { variant: 5 }));
  });

  it('includes every optional attribute and field near the root, inherited fields first', () => {
    const message = sample('MessageType', { variant: 0 });
    expect(Object.keys(message)).toEqual(['ItemId', 'Subject', 'Body', 'Categories', 'DateTimeSent', 'Size', 'IsRead', 'ConversationId', 'From', 'ReminderMinutes']);
    expect(message.ItemId).toEqual({ Id: SAMPLE_STRING, ChangeKey: SAMPLE_STRING });
    expect(message.Body).toEqual({ BodyType: 'IdOnly', $value: SAMPLE_STRING });
  });

  it('gives a many field two entries, and an array wrapper type is the array itself', () => {
    expect(sample('MessageType').Categories).toEqual([SAMPLE_STRING, SAMPLE_STRING]);
    expect(sampleValue(miniSchema, 'ArrayOfStringsType')).toEqual([SAMPLE_STRING, SAMPLE_STRING]);
  });

  it('fills a compound with 3 different alternatives in schema order, complex ones tagged beside their properties', () => {
    const fromFirst = sampleValue(miniSchema, 'ArrayOfRealItemsType', { variant: 0 }) as Sample[];
    expect(fromFirst.map((entry) => entry.$el)).toEqual(['Item', 'Message', 'CalendarItem']);
    expect(fromFirst[1]).toMatchObject({ $el: 'Message', Subject: SAMPLE_STRING, ReminderMinutes: 10 });
    const fromThird = sampleValue(miniSchema, 'ArrayOfRealItemsType', { variant: 2 }) as Sample[];
    expect(fromThird.map((entry) => entry.$el)).toEqual(['Item', 'CalendarItem', 'Note']);
    expect(fromThird[2]).toEqual({ $el: 'Note', $value: SAMPLE_STRING });
  });

  it('builds exactly one branch of each single choice, all fields of a sequence branch, rotating by variant', () => {
    expect(sample('RecurrenceType', { variant: 0 })).toEqual({ Weekly: ['Sunday', 'Monday'], Interval: 7, NoEnd: '2026-11-22', Comment: SAMPLE_STRING });
    expect(sample('RecurrenceType', { variant: 1 })).toEqual({ Daily: 7, Numbered: 7, Comment: SAMPLE_STRING });
  });

  it('builds only required content from maxDepth on: no optional attribute, field or choice', () => {
    expect(sample('RecurrenceType', { variant: 0, maxDepth: 0 })).toEqual({ Weekly: ['Sunday', 'Monday'] });
    expect(sample('ItemIdType', { maxDepth: 0 })).toEqual({ Id: SAMPLE_STRING });
    expect(sample('MessageType', { maxDepth: 0 })).toEqual({ ReminderMinutes: 10 });
  });

  it('stops recursion at maxDepth: 4 levels of two children below the root by default', () => {
    expect(treeShape(sample('TreeNodeType'))).toEqual({ levels: 4, nodes: 31 });
    expect(treeShape(sample('TreeNodeType', { maxDepth: 2 }))).toEqual({ levels: 2, nodes: 7 });
  });

  it('ends a required recursion by taking the alternative that does not recurse', () => {
    expect(sample('ConditionType', { variant: 1, maxDepth: 1 })).toEqual({ And: { Conditions: [{ $el: 'AllInternal', $value: '' }] } });
    expect(sample('ConditionType', { variant: 1, maxDepth: 0 })).toEqual({ AllInternal: '' });
  });

  it('replaces an abstract type by a concrete derived type named in $type, rotating among them', () => {
    expect(sample('BaseItemIdType', { variant: 0 })).toEqual({ $type: 'ItemIdType', Id: SAMPLE_STRING, ChangeKey: SAMPLE_STRING });
    expect(sample('BaseItemIdType', { variant: 1 })).toEqual({ $type: 'OccurrenceItemIdType', InstanceIndex: 7 });
  });

  it('leaves an optional wildcard out and fills a required one with raw XML of a foreign element', () => {
    expect(sample('ConfigurationRequestDetailsType')).toEqual({});
    expect(sample('EncryptedDataContainerType')).toEqual({
      any: { $el: 'Sample', $ns: 'urn:typed-ews:sample', $xml: '<s:Sample xmlns:s="urn:typed-ews:sample">Sample</s:Sample>' },
    });
  });

  it('gives simple values valid for their facets, in the JS form of the instance model', () => {
    expect(sample('ValuesType', { variant: 0 })).toEqual({
      Guid: '6f9619ff-8b86-d011-b42d-00c04fc964ff',
      Tag: ['7', '0x3fA4'], // union values are lexical strings; successive uses rotate the member type
      Reminder: 10, // minInclusive 10
      Marker: 1525252321, // minInclusive = maxInclusive
      NonEmpty: SAMPLE_STRING,
      Empty: '', // length 0
      Short: 'Grüße', // maxLength 6, trailing space trimmed
      Long: `${SAMPLE_STRING}xxxxxxxxxxxxx`, // minLength 40
      When: '2026-11-22T15:30:00.123+01:00',
      Day: '2026-11-22',
      Time: '15:30:00.5',
      Span: 'P1DT2H30M',
      Bytes: 'R3LDvMOfZQ==',
      Flag: true,
      Count: 7,
      Ratio: 2.5,
      Lang: 'en-US',
      Days: ['Sunday', 'Monday'],
    });
    expect(sample('ReplyBody').lang).toBe('en-US');
  });

  it('rotates enumeration values and booleans on each use', () => {
    const items = sampleValue(miniSchema, 'ArrayOfRealItemsType', { variant: 0 }) as Sample[];
    expect(items.map((item) => (item.Body as Sample).BodyType)).toEqual(['IdOnly', 'Default', 'AllProperties']);
    expect(items.map((item) => item.IsRead)).toEqual([true, false, true]);
  });

  it('writes strings that need escaping in XML and contain letters outside ASCII', () => {
    expect(SAMPLE_STRING).toMatch(/</);
    expect(SAMPLE_STRING).toMatch(/&/);
    expect(SAMPLE_STRING).toMatch(/>/);
    expect(SAMPLE_STRING).toMatch(/"/);
    expect(SAMPLE_STRING).toMatch(/'/);
    expect(SAMPLE_STRING).toMatch(/[^\x00-\x7f]/);
  });

  it('names what it cannot sample: an unknown pattern, an abstract element, an abstract type with no concrete one', () => {
    expect(() => sample('OddPatternHolder')).toThrow('No sample value for the pattern(s) /[A-Z]{3}/ of OddPatternType');
    expect(() => sample('PathHolder')).toThrow('Element t:Path is abstract: substitution groups must be expanded by the generator');
    expect(() => sample('NoConcreteHolder')).toThrow('Abstract type BasePathToElementType has no concrete derived type');
    expect(() => sample('NoSuchType')).toThrow('NoSuchType is not a complex type of the schema');
  });
});
