/**
 * CalendarView: recurring series expanded into occurrences with their own ids, for each pattern and
 * range kind; occurrences can be got, changed into exceptions and deleted from their series.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import { createItem } from '../../src/simulator/operations/create-item';
import { deleteItem } from '../../src/simulator/operations/delete-item';
import { findItem } from '../../src/simulator/operations/find-item';
import { getItem } from '../../src/simulator/operations/get-item';
import { updateItem } from '../../src/simulator/operations/update-item';
import { createdIds, fieldUri, folder, itemId, newWorld, only, type World } from './fixtures';

type FindMessage = m.FindItemResponseMessageType & { $el: 'FindItemResponseMessage' };

function createSeries(world: World, recurrence: t.RecurrenceType, start = '2024-01-17T14:00:00Z', end = '2024-01-17T14:30:00Z'): t.ItemIdType {
  return createdIds(createItem(world.alice, { SendMeetingInvitations: 'SendToNone', Items: [{ $el: 'CalendarItem', Subject: 'Series', Start: start, End: end, Recurrence: recurrence }] }))[0];
}

function view(world: World, StartDate: string, EndDate: string, MaxEntriesReturned?: number): t.FindItemParentType {
  const response = findItem(world.alice, {
    Traversal: 'Shallow',
    ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('item:Subject'), fieldUri('calendar:Start'), fieldUri('calendar:End'), fieldUri('calendar:CalendarItemType')] },
    CalendarView: { StartDate, EndDate, ...(MaxEntriesReturned ? { MaxEntriesReturned } : {}) },
    ParentFolderIds: [folder('calendar')],
  });
  return only<FindMessage>(response).RootFolder!;
}

const starts = (root: t.FindItemParentType): string[] => (root.Items as t.CalendarItemType[]).map((item) => item.Start!.slice(0, 10));
const YEAR_2024 = ['2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'] as const;

describe('CalendarView', () => {
  test('expands a weekly series of ten into ten occurrences with distinct ids, between the single items, ordered by start', () => {
    const world = newWorld();
    createSeries(world, { WeeklyRecurrence: { Interval: 1, DaysOfWeek: ['Wednesday'] }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 10 } });
    createItem(world.alice, { SendMeetingInvitations: 'SendToNone', Items: [{ $el: 'CalendarItem', Subject: 'Lunch', Start: '2024-01-20T12:00:00Z', End: '2024-01-20T13:00:00Z' }] });
    const root = view(world, ...YEAR_2024);
    const items = root.Items as t.CalendarItemType[];
    expect(items.map((item) => [item.Start, item.CalendarItemType])).toEqual([
      ['2024-01-17T14:00:00Z', 'Occurrence'], ['2024-01-20T12:00:00Z', 'Single'],
      ...['01-24', '01-31', '02-07', '02-14', '02-21', '02-28', '03-06', '03-13', '03-20'].map((day) => [`2024-${day}T14:00:00Z`, 'Occurrence']),
    ]);
    expect(new Set(items.map((item) => item.ItemId!.Id)).size).toBe(11);
    expect(root).toMatchObject({ TotalItemsInView: 11, IncludesLastItemInRange: true });
  });

  test('only occurrences overlapping the window are returned, and MaxEntriesReturned keeps the first ones', () => {
    const world = newWorld();
    createSeries(world, { WeeklyRecurrence: { Interval: 1, DaysOfWeek: ['Wednesday'] }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 10 } });
    expect(starts(view(world, '2024-02-01T00:00:00Z', '2024-02-29T00:00:00Z'))).toEqual(['2024-02-07', '2024-02-14', '2024-02-21', '2024-02-28']);
    const limited = view(world, ...YEAR_2024, 3);
    expect(starts(limited)).toEqual(['2024-01-17', '2024-01-24', '2024-01-31']);
    expect(limited).toMatchObject({ TotalItemsInView: 10, IncludesLastItemInRange: false });
  });

  test.each<[string, t.RecurrenceType, string[]]>([
    ['daily every 3 days, numbered', { DailyRecurrence: { Interval: 3 }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 4 } }, ['2024-01-17', '2024-01-20', '2024-01-23', '2024-01-26']],
    ['every other week on Monday and Friday, until an end date', { WeeklyRecurrence: { Interval: 2, DaysOfWeek: ['Monday', 'Friday'] }, EndDateRecurrence: { StartDate: '2024-01-17', EndDate: '2024-02-16' } },
      ['2024-01-19', '2024-01-29', '2024-02-02', '2024-02-12', '2024-02-16']],
    ['the 31st of every month, short months on their last day', { AbsoluteMonthlyRecurrence: { Interval: 1, DayOfMonth: 31 }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 4 } },
      ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']],
    ['the last Friday of every second month', { RelativeMonthlyRecurrence: { Interval: 2, DaysOfWeek: 'Friday', DayOfWeekIndex: 'Last' }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 3 } },
      ['2024-01-26', '2024-03-29', '2024-05-31']],
    ['the second weekday of every month', { RelativeMonthlyRecurrence: { Interval: 1, DaysOfWeek: 'Weekday', DayOfWeekIndex: 'Second' }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 3 } },
      ['2024-02-02', '2024-03-04', '2024-04-02']],
    ['every 14 March, without end', { AbsoluteYearlyRecurrence: { DayOfMonth: 14, Month: 'March' }, NoEndRecurrence: { StartDate: '2024-01-17' } }, ['2024-03-14']],
    ['the first Monday of September', { RelativeYearlyRecurrence: { DaysOfWeek: 'Monday', DayOfWeekIndex: 'First', Month: 'September' }, NoEndRecurrence: { StartDate: '2024-01-17' } }, ['2024-09-02']],
  ])('%s', (_name, recurrence, expected) => {
    const world = newWorld();
    createSeries(world, recurrence);
    expect(starts(view(world, ...YEAR_2024))).toEqual(expected);
  });

  test('a series without end keeps recurring in later years', () => {
    const world = newWorld();
    createSeries(world, { AbsoluteYearlyRecurrence: { DayOfMonth: 14, Month: 'March' }, NoEndRecurrence: { StartDate: '2024-01-17' } });
    expect(starts(view(world, '2024-01-01T00:00:00Z', '2028-01-01T00:00:00Z'))).toEqual(['2024-03-14', '2025-03-14', '2026-03-14', '2027-03-14']);
  });

  test('the master moves to its first occurrence, as Exchange does for a start off the pattern', () => {
    const world = newWorld();
    const id = createSeries(world, { WeeklyRecurrence: { Interval: 1, DaysOfWeek: ['Friday'] }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 2 } });
    const response = getItem(world.alice, { ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [fieldUri('calendar:Start'), fieldUri('calendar:End')] }, ItemIds: [itemId(id)] });
    expect(only<m.ItemInfoResponseMessageType & { $el: 'GetItemResponseMessage' }>(response).Items[0]).toMatchObject({ Start: '2024-01-19T14:00:00Z', End: '2024-01-19T14:30:00Z' });
  });

  test('an occurrence id and an OccurrenceItemId both get the occurrence; an index past the series is out of range', () => {
    const world = newWorld();
    const master = createSeries(world, { DailyRecurrence: { Interval: 1 }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 5 } });
    const third = (view(world, ...YEAR_2024).Items as t.CalendarItemType[])[2];
    const response = getItem(world.alice, {
      ItemShape: { BaseShape: 'AllProperties' },
      ItemIds: [itemId(third.ItemId!), { $el: 'OccurrenceItemId', RecurringMasterId: master.Id, InstanceIndex: 3 }, { $el: 'OccurrenceItemId', RecurringMasterId: master.Id, InstanceIndex: 6 }],
    });
    const [byId, byIndex, beyond] = response.ResponseMessages as (m.ItemInfoResponseMessageType & { $el: string })[];
    for (const found of [byId, byIndex]) {
      expect(found.Items[0]).toMatchObject({ Start: '2024-01-19T14:00:00Z', OriginalStart: '2024-01-19T14:00:00Z', CalendarItemType: 'Occurrence', IsRecurring: true, Subject: 'Series' });
      expect(found.Items[0].ItemId!.Id).toBe(third.ItemId!.Id);
      expect(found.Items[0]).not.toHaveProperty('Recurrence');
    }
    expect(beyond).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange' });
  });

  test('updating an occurrence makes it an exception of the series; deleting one removes it from the series', () => {
    const world = newWorld();
    const master = createSeries(world, { DailyRecurrence: { Interval: 1 }, NumberedRecurrence: { StartDate: '2024-01-17', NumberOfOccurrences: 4 } });
    const [, second, third] = view(world, ...YEAR_2024).Items as t.CalendarItemType[];
    updateItem(world.alice, {
      ConflictResolution: 'AlwaysOverwrite', SendMeetingInvitationsOrCancellations: 'SendToNone',
      ItemChanges: [{ ItemId: second.ItemId!, Updates: [
        { $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, CalendarItem: { Subject: 'Moved' } },
        { $el: 'SetItemField', FieldURI: { FieldURI: 'calendar:Start' }, CalendarItem: { Start: '2024-01-18T16:00:00Z' } },
        { $el: 'SetItemField', FieldURI: { FieldURI: 'calendar:End' }, CalendarItem: { End: '2024-01-18T17:00:00Z' } },
      ] }],
    });
    expect(deleteItem(world.alice, { DeleteType: 'HardDelete', SendMeetingCancellations: 'SendToNone', ItemIds: [itemId(third.ItemId!)] }).ResponseMessages[0].ResponseClass).toBe('Success');
    const items = view(world, ...YEAR_2024).Items as t.CalendarItemType[];
    expect(items.map((item) => [item.Subject, item.Start, item.CalendarItemType])).toEqual([
      ['Series', '2024-01-17T14:00:00Z', 'Occurrence'],
      ['Moved', '2024-01-18T16:00:00Z', 'Exception'],
      ['Series', '2024-01-20T14:00:00Z', 'Occurrence'],
    ]);
    const masterView = getItem(world.alice, { ItemShape: { BaseShape: 'AllProperties' }, ItemIds: [itemId(master)] });
    const stored = only<m.ItemInfoResponseMessageType & { $el: 'GetItemResponseMessage' }>(masterView).Items[0] as t.CalendarItemType;
    expect(stored.DeletedOccurrences).toEqual([{ Start: '2024-01-19T14:00:00Z' }]);
    expect(stored.ModifiedOccurrences).toMatchObject([{ Start: '2024-01-18T16:00:00Z', OriginalStart: '2024-01-18T14:00:00Z' }]);
    expect(getItem(world.alice, { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: [itemId(third.ItemId!)] }).ResponseMessages[0].ResponseCode).toBe('ErrorItemNotFound');
  });

  test('a CalendarView of a folder that is not a calendar is rejected', () => {
    const world = newWorld();
    const response = findItem(world.alice, { Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, CalendarView: { StartDate: YEAR_2024[0], EndDate: YEAR_2024[1] }, ParentFolderIds: [folder('inbox')] });
    expect(response.ResponseMessages[0]).toMatchObject({ ResponseClass: 'Error', ResponseCode: 'ErrorCalendarFolderIsInvalidForCalendarView' });
  });
});
