import { InvalidValueError, recurrence, type WeeklyOptions } from '../../src/values';
import { writeElement } from '../../src/runtime';
import { ewsSchema } from '../../src/schema/ews-schema';
import { XsdValidator } from '../../src/validation';

describe('recurrence builders', () => {
  it('builds each of the six patterns with its range as t:RecurrenceType', () => {
    expect(recurrence.daily({ interval: 2, startDate: '2026-11-24', occurrences: 5 })).toEqual({
      DailyRecurrence: { Interval: 2 }, NumberedRecurrence: { StartDate: '2026-11-24', NumberOfOccurrences: 5 },
    });
    expect(recurrence.weekly({ days: ['Tuesday', 'Thursday', 'Tuesday'], firstDayOfWeek: 'Monday', startDate: '2026-11-24', endDate: '2027-01-31' })).toEqual({
      WeeklyRecurrence: { Interval: 1, DaysOfWeek: ['Tuesday', 'Thursday'], FirstDayOfWeek: 'Monday' },
      EndDateRecurrence: { StartDate: '2026-11-24', EndDate: '2027-01-31' },
    });
    expect(recurrence.monthly({ dayOfMonth: 15, startDate: '2026-12-15', noEnd: true })).toEqual({
      AbsoluteMonthlyRecurrence: { Interval: 1, DayOfMonth: 15 }, NoEndRecurrence: { StartDate: '2026-12-15' },
    });
    expect(recurrence.relativeMonthly({ interval: 3, week: 'Last', day: 'Friday', startDate: '2026-11-27', occurrences: 4 })).toEqual({
      RelativeMonthlyRecurrence: { Interval: 3, DaysOfWeek: 'Friday', DayOfWeekIndex: 'Last' },
      NumberedRecurrence: { StartDate: '2026-11-27', NumberOfOccurrences: 4 },
    });
    expect(recurrence.yearly({ month: 'March', dayOfMonth: 1, startDate: '2027-03-01', noEnd: true })).toEqual({
      AbsoluteYearlyRecurrence: { DayOfMonth: 1, Month: 'March' }, NoEndRecurrence: { StartDate: '2027-03-01' },
    });
    expect(recurrence.relativeYearly({ month: 'September', week: 'First', day: 'Monday', startDate: '2027-09-06', occurrences: 3 })).toEqual({
      RelativeYearlyRecurrence: { DaysOfWeek: 'Monday', DayOfWeekIndex: 'First', Month: 'September' },
      NumberedRecurrence: { StartDate: '2027-09-06', NumberOfOccurrences: 3 },
    });
  });

  it('writes schema-valid recurrences for every pattern', async () => {
    const validator = await XsdValidator.shared();
    const all = [
      recurrence.daily({ startDate: '2026-11-24', occurrences: 5 }),
      recurrence.weekly({ days: 'Monday', startDate: '2026-11-24', noEnd: true }),
      recurrence.monthly({ dayOfMonth: 31, startDate: '2026-12-31', endDate: '2027-12-31' }),
      recurrence.relativeMonthly({ week: 'Second', day: 'Weekday', startDate: '2026-11-10', occurrences: 2 }),
      recurrence.yearly({ month: 'February', dayOfMonth: 29, startDate: '2028-02-29', noEnd: true }),
      recurrence.relativeYearly({ month: 'May', week: 'Last', day: 'Sunday', startDate: '2027-05-30', occurrences: 1 }),
    ];
    const request = {
      SendMeetingInvitations: 'SendToNone',
      Items: all.map((Recurrence, i) => ({ $el: 'CalendarItem', Subject: `series ${i}`, Start: new Date('2026-11-24T08:00:00Z'), End: new Date('2026-11-24T09:00:00Z'), Recurrence })),
    };
    const xml = writeElement(ewsSchema(), 'm:CreateItem', request);
    expect(await validator.validateOne(xml)).toEqual({ valid: true, errors: [], issues: [] });
    expect(xml).toContain('<t:Start>2026-11-24T08:00:00.000Z</t:Start>');
  });

  it('takes the start as the local day of an instant in a time zone', () => {
    // 23:30 UTC on 23 November is already Tuesday 24 November in Berlin.
    const built = recurrence.weekly({ days: 'Tuesday', startDate: { date: new Date('2026-11-23T23:30:00Z'), timeZone: 'W. Europe Standard Time' }, occurrences: 10 });
    expect(built.NumberedRecurrence?.StartDate).toBe('2026-11-24');
  });

  it('refuses what EWS would refuse: no range, two ranges, bad numbers, unknown names, an end before the start', () => {
    const refuse = (build: () => unknown, message: RegExp) => expect(build).toThrow(expect.objectContaining({ name: 'InvalidValueError', message: expect.stringMatching(message) }));
    const untyped = recurrence.weekly as (options: unknown) => unknown;
    refuse(() => untyped({ days: ['Monday'], startDate: '2026-11-24' }), /exactly one range.*got none/);
    refuse(() => untyped({ days: ['Monday'], startDate: '2026-11-24', occurrences: 3, noEnd: true }), /exactly one range.*occurrences and noEnd/);
    refuse(() => recurrence.weekly({ days: [], startDate: '2026-11-24', noEnd: true }), /at least one day/);
    refuse(() => untyped({ days: ['Mon'], startDate: '2026-11-24', noEnd: true }), /days must be one of Sunday/);
    refuse(() => recurrence.daily({ interval: 0, startDate: '2026-11-24', noEnd: true }), /interval must be a whole number of at least 1, got 0/);
    refuse(() => recurrence.daily({ interval: 1.5, startDate: '2026-11-24', noEnd: true }), /interval/);
    refuse(() => recurrence.daily({ startDate: '2026-11-24', occurrences: 0 }), /occurrences must be/);
    refuse(() => recurrence.monthly({ dayOfMonth: 32, startDate: '2026-11-24', noEnd: true }), /dayOfMonth must be 1 to 31, got 32/);
    refuse(() => recurrence.daily({ startDate: '2026-11-31', noEnd: true }), /startDate must be a calendar date/);
    refuse(() => recurrence.daily({ startDate: '24.11.2026', noEnd: true }), /startDate must be a calendar date/);
    refuse(() => recurrence.daily({ startDate: '2026-11-24', endDate: '2026-11-23' }), /endDate 2026-11-23 is before startDate 2026-11-24/);
    refuse(() => (recurrence.yearly as (o: unknown) => unknown)({ month: 'Sept', dayOfMonth: 1, startDate: '2026-09-01', noEnd: true }), /month must be one of January/);
    expect(new InvalidValueError('x')).toBeInstanceOf(Error);
  });

  it('lets exactly one range through the types (checked by tsc)', () => {
    // @ts-expect-error two ranges
    const twoRanges: WeeklyOptions = { days: 'Monday', startDate: '2026-11-24', occurrences: 3, endDate: '2026-12-24' };
    // @ts-expect-error no range
    const noRange: WeeklyOptions = { days: 'Monday', startDate: '2026-11-24' };
    // @ts-expect-error not a day
    const badDay: WeeklyOptions = { days: 'Mon', startDate: '2026-11-24', noEnd: true };
    expect([twoRanges, noRange, badDay]).toHaveLength(3);
  });
});
