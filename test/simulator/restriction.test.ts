/**
 * FindItem restrictions: each SearchExpression operator, type-aware constants, Contains modes and
 * comparisons, missing properties, multi-valued properties, and the minimal QueryString.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { createItem } from '../../src/simulator/operations/create-item';
import { findItem } from '../../src/simulator/operations/find-item';
import { updateItem } from '../../src/simulator/operations/update-item';
import { fieldUri, folder, only, type World } from './fixtures';
import { inboxWorld } from './inbox-fixture';

const world: World = inboxWorld();
createItem(world.alice, { Items: [
  { $el: 'Task', Subject: 'Not started', PercentComplete: 0 },
  { $el: 'Task', Subject: 'Half done', PercentComplete: 50, DueDate: '2024-03-01T00:00:00Z', Categories: ['Blue', 'Project'] },
  { $el: 'Task', Subject: 'Done', PercentComplete: 100, DueDate: '2024-02-01T00:00:00Z', Categories: ['Red'] },
] });
createItem(world.alice, { MessageDisposition: 'SaveOnly', SavedItemFolderId: { DistinguishedFolderId: { Id: 'drafts' } }, Items: [{ $el: 'Message', Subject: 'Café menu' }] });

const uri = (FieldURI: t.UnindexedFieldURIType) => ({ FieldURI: { FieldURI } });
const constant = (Value: string): t.FieldURIOrConstantType => ({ Constant: { Value } });

function find(restriction: t.RestrictionType, where: t.DistinguishedFolderIdNameType = 'inbox', extra: Partial<m.FindItemType> = {}): m.ArrayOfResponseMessagesTypeEntry {
  return findItem(world.alice, {
    Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('item:Subject')] },
    Restriction: restriction, SortOrder: [{ Order: 'Ascending', FieldURI: { FieldURI: where === 'tasks' ? 'task:PercentComplete' : 'item:DateTimeReceived' } }],
    ParentFolderIds: [folder(where)], ...extra,
  }).ResponseMessages[0];
}

function subjects(restriction: t.RestrictionType, where: t.DistinguishedFolderIdNameType = 'inbox', extra: Partial<m.FindItemType> = {}): string[] {
  const message = find(restriction, where, extra);
  if (message.ResponseClass !== 'Success') throw new Error(`${message.ResponseCode}: ${message.MessageText}`);
  return (message as m.FindItemResponseMessageType).RootFolder!.Items!.map((item) => item.Subject!);
}

const days = (...numbers: number[]) => numbers.map((n) => `Day ${n}`);
const contains = (value: string, mode: t.ContainmentModeType, comparison: t.ContainmentComparisonType, path: t.UnindexedFieldURIType = 'item:Subject'): t.RestrictionType => ({
  Contains: { ...uri(path), Constant: { Value: value }, ContainmentMode: mode, ContainmentComparison: comparison },
});

describe('restrictions', () => {
  test('IsEqualTo compares strings case-insensitively', () => {
    expect(subjects({ IsEqualTo: { ...uri('item:Subject'), FieldURIOrConstant: constant('DAY 7') } })).toEqual(days(7));
  });

  test('IsNotEqualTo keeps the items whose value differs', () => {
    expect(subjects({ IsNotEqualTo: { ...uri('item:Importance'), FieldURIOrConstant: constant('Normal') } })).toEqual(days(0, 7, 14, 21, 28));
  });

  test('IsGreaterThan, IsGreaterThanOrEqualTo, IsLessThan and IsLessThanOrEqualTo compare date-times as instants', () => {
    const at = (operator: 'IsGreaterThan' | 'IsGreaterThanOrEqualTo' | 'IsLessThan' | 'IsLessThanOrEqualTo', value: string) =>
      subjects({ [operator]: { ...uri('item:DateTimeReceived'), FieldURIOrConstant: constant(value) } });
    expect(at('IsGreaterThan', '2024-02-28T08:00:00Z')).toEqual(days(28, 29));
    expect(at('IsGreaterThanOrEqualTo', '2024-02-28T08:00:00Z')).toEqual(days(27, 28, 29));
    expect(at('IsLessThan', '2024-02-03T09:00:00+01:00')).toEqual(days(0, 1));
    expect(at('IsLessThanOrEqualTo', '2024-02-03T08:00:00Z')).toEqual(days(0, 1, 2));
  });

  test('numbers compare numerically, not as text', () => {
    expect(subjects({ IsGreaterThan: { ...uri('task:PercentComplete'), FieldURIOrConstant: constant('20') } }, 'tasks')).toEqual(['Half done', 'Done']);
  });

  test('booleans compare as booleans', () => {
    const [first] = (find({ IsEqualTo: { ...uri('item:Subject'), FieldURIOrConstant: constant('Day 3') } }) as m.FindItemResponseMessageType).RootFolder!.Items!;
    updateItem(world.alice, { ConflictResolution: 'AlwaysOverwrite', MessageDisposition: 'SaveOnly', ItemChanges: [{ ItemId: first.ItemId!, Updates: [{ $el: 'SetItemField', FieldURI: { FieldURI: 'message:IsRead' }, Message: { IsRead: true } }] }] });
    expect(subjects({ IsEqualTo: { ...uri('message:IsRead'), FieldURIOrConstant: constant('true') } })).toEqual(days(3));
    expect(subjects({ IsEqualTo: { ...uri('message:IsRead'), FieldURIOrConstant: constant('false') } })).toHaveLength(29);
  });

  test('a property compared with another property of the same item', () => {
    expect(subjects({ IsEqualTo: { ...uri('item:DateTimeSent'), FieldURIOrConstant: { FieldURI: { FieldURI: 'item:DateTimeReceived' } } } })).toHaveLength(30);
  });

  test('a comparison with a property the item lacks is false, even IsNotEqualTo', () => {
    expect(subjects({ IsNotEqualTo: { ...uri('task:DueDate'), FieldURIOrConstant: constant('2024-03-01T00:00:00Z') } }, 'tasks')).toEqual(['Done']);
  });

  test('a multi-valued property matches when any value does', () => {
    expect(subjects({ IsEqualTo: { ...uri('item:Categories'), FieldURIOrConstant: constant('project') } }, 'tasks')).toEqual(['Half done']);
  });

  test.each<[t.ContainmentModeType, t.ContainmentComparisonType, string, string[]]>([
    ['FullString', 'Exact', 'Day 2', days(2)],
    ['FullString', 'Exact', 'day 2', []],
    ['FullString', 'IgnoreCase', 'day 2', days(2)],
    ['Prefixed', 'Exact', 'Day 2', days(2, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29)],
    ['Substring', 'IgnoreCase', 'AY 1', days(1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)],
  ])('Contains %s / %s "%s" on Subject', (mode, comparison, value, expected) => {
    expect(subjects(contains(value, mode, comparison))).toEqual(expected);
  });

  test('Contains PrefixOnWords and ExactPhrase look at word boundaries in the body', () => {
    expect(subjects(contains('numb', 'PrefixOnWords', 'IgnoreCase', 'item:Body'))).toHaveLength(30);
    expect(subjects(contains('umber', 'PrefixOnWords', 'IgnoreCase', 'item:Body'))).toEqual([]);
    expect(subjects(contains('number 2', 'ExactPhrase', 'IgnoreCase', 'item:Body'))).toEqual(days(2));
  });

  test('Contains with IgnoreNonSpacingCharacters ignores accents', () => {
    expect(subjects(contains('cafe menu', 'FullString', 'IgnoreCaseAndNonSpacingCharacters'), 'drafts')).toEqual(['Café menu']);
    expect(subjects(contains('cafe menu', 'FullString', 'IgnoreCase'), 'drafts')).toEqual([]);
  });

  test('Contains on a date-time property is ErrorContainsFilterWrongType', () => {
    expect(find(contains('2024', 'Substring', 'Exact', 'item:DateTimeReceived'))).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorContainsFilterWrongType' });
  });

  test('a constant that is not a date-time for a date-time property is ErrorInvalidValueForProperty', () => {
    expect(find({ IsEqualTo: { ...uri('item:DateTimeReceived'), FieldURIOrConstant: constant('yesterday') } })).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorInvalidValueForProperty' });
  });

  test('Excludes keeps the items whose value has none of the bitmask bits', () => {
    expect(subjects({ Excludes: { ...uri('task:PercentComplete'), Bitmask: { Value: '0x2' } } }, 'tasks')).toEqual(['Not started', 'Done']);
  });

  test('Exists keeps the items that have the property', () => {
    expect(subjects({ Exists: uri('task:DueDate') }, 'tasks')).toEqual(['Half done', 'Done']);
  });

  test('And, Or and Not combine expressions', () => {
    const received = (operator: 'IsLessThan' | 'IsGreaterThan', value: string): t.MultipleOperandBooleanExpressionTypeSearchExpressionEntry => ({ $el: operator, ...uri('item:DateTimeReceived'), FieldURIOrConstant: constant(value) });
    expect(subjects({ And: { SearchExpression: [received('IsGreaterThan', '2024-02-10T00:00:00Z'), received('IsLessThan', '2024-02-13T00:00:00Z')] } })).toEqual(days(9, 10, 11));
    expect(subjects({ Or: { SearchExpression: [received('IsLessThan', '2024-02-02T00:00:00Z'), received('IsGreaterThan', '2024-03-01T00:00:00Z')] } })).toEqual(days(0, 29));
    expect(subjects({ Not: { Contains: { ...uri('item:Subject'), Constant: { Value: '1' }, ContainmentMode: 'Substring' } } })).toHaveLength(30 - 12);
  });

  test('QueryString matches every word or "quoted phrase" in the subject or the body', () => {
    expect(subjects({ Exists: uri('item:Subject') }, 'inbox', { Restriction: undefined, QueryString: { $value: 'report 7' } })).toEqual(days(7, 17, 27));
    expect(subjects({ Exists: uri('item:Subject') }, 'inbox', { QueryString: { $value: '"number 1"' } })).toEqual(days(1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19));
  });
});

describe('restrictions in grouped views', () => {
  test('filter before grouping: groups only hold matching items (High importance: Ann 0, Cid 7, Eve 14, Ben 21 and 28)', () => {
    const response = only<m.FindItemResponseMessageType & { $el: 'FindItemResponseMessage' }>(findItem(world.alice, {
      Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('item:Subject')] },
      Restriction: { IsEqualTo: { ...uri('item:Importance'), FieldURIOrConstant: constant('High') } },
      GroupBy: { Order: 'Ascending', FieldURI: { FieldURI: 'message:From' }, AggregateOn: { Aggregate: 'Minimum', FieldURI: { FieldURI: 'item:DateTimeReceived' } } },
      ParentFolderIds: [folder('inbox')],
    }));
    expect(response.RootFolder!.Groups!.map((group) => group.Items.map((item) => item.Subject))).toEqual([['Day 0'], ['Day 7'], ['Day 14'], ['Day 28', 'Day 21']]);
  });
});
