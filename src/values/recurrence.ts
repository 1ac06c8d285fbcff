/**
 * Recurrence builders: one pattern and one range, checked, as the generated t:RecurrenceType.
 *
 *   Recurrence: recurrence.weekly({ interval: 1, days: ['Tuesday'], startDate: '2026-11-24', occurrences: 10 })
 *
 * The options type lets exactly one range through (`occurrences`, `endDate` or `noEnd: true`); the
 * builders refuse at run time what the types cannot express (an interval of 0, a 32nd day, two ranges).
 * A start date is the local day of the meeting: give it as `YYYY-MM-DD` or as `{ date, timeZone }`.
 */
import {
  DayOfWeekIndexTypeValues, DayOfWeekTypeValues, MonthNamesTypeValues,
  type DayOfWeekIndexType, type DayOfWeekType, type MonthNamesType, type RecurrenceType,
} from '../../generated/types';
import { calendarDateOf, type CalendarDateInput } from './dates';
import { InvalidValueError } from './errors';

/** When the series starts, and exactly one of: how many occurrences, the last day, or no end. */
export type RecurrenceRange = { readonly startDate: CalendarDateInput } & (
  | { readonly occurrences: number; readonly endDate?: never; readonly noEnd?: never }
  | { readonly endDate: CalendarDateInput; readonly occurrences?: never; readonly noEnd?: never }
  | { readonly noEnd: true; readonly occurrences?: never; readonly endDate?: never }
);

/** Every `interval` days / weeks / months (1 when absent). */
export interface Interval { readonly interval?: number }

export type DailyOptions = Interval & RecurrenceRange;
export type WeeklyOptions = Interval & {
  readonly days: DayOfWeekType | readonly DayOfWeekType[];
  readonly firstDayOfWeek?: DayOfWeekType;
} & RecurrenceRange;
export type MonthlyOptions = Interval & { readonly dayOfMonth: number } & RecurrenceRange;
export type RelativeMonthlyOptions = Interval & { readonly week: DayOfWeekIndexType; readonly day: DayOfWeekType } & RecurrenceRange;
export type YearlyOptions = { readonly month: MonthNamesType; readonly dayOfMonth: number } & RecurrenceRange;
export type RelativeYearlyOptions = { readonly month: MonthNamesType; readonly week: DayOfWeekIndexType; readonly day: DayOfWeekType } & RecurrenceRange;

export const recurrence = {
  /** Every `interval` days. */
  daily(options: DailyOptions): RecurrenceType {
    return { DailyRecurrence: { Interval: interval(options) }, ...range(options) };
  },
  /** Every `interval` weeks on `days`. */
  weekly(options: WeeklyOptions): RecurrenceType {
    const days = [...new Set(typeof options.days === 'string' ? [options.days] : options.days ?? [])];
    if (days.length === 0) throw new InvalidValueError('a weekly recurrence needs at least one day');
    days.forEach((day) => oneOf(day, DayOfWeekTypeValues, 'days'));
    return {
      WeeklyRecurrence: {
        Interval: interval(options), DaysOfWeek: days,
        ...(options.firstDayOfWeek !== undefined && { FirstDayOfWeek: oneOf(options.firstDayOfWeek, DayOfWeekTypeValues, 'firstDayOfWeek') }),
      },
      ...range(options),
    };
  },
  /** Every `interval` months on day `dayOfMonth` (AbsoluteMonthlyRecurrence). */
  monthly(options: MonthlyOptions): RecurrenceType {
    return { AbsoluteMonthlyRecurrence: { Interval: interval(options), DayOfMonth: dayOfMonth(options.dayOfMonth) }, ...range(options) };
  },
  /** Every `interval` months on the `week`'s `day`: the last Friday (RelativeMonthlyRecurrence). */
  relativeMonthly(options: RelativeMonthlyOptions): RecurrenceType {
    return {
      RelativeMonthlyRecurrence: {
        Interval: interval(options), DaysOfWeek: oneOf(options.day, DayOfWeekTypeValues, 'day'),
        DayOfWeekIndex: oneOf(options.week, DayOfWeekIndexTypeValues, 'week'),
      },
      ...range(options),
    };
  },
  /** Every year on `month` `dayOfMonth` (AbsoluteYearlyRecurrence). */
  yearly(options: YearlyOptions): RecurrenceType {
    return { AbsoluteYearlyRecurrence: { DayOfMonth: dayOfMonth(options.dayOfMonth), Month: oneOf(options.month, MonthNamesTypeValues, 'month') }, ...range(options) };
  },
  /** Every year on the `week`'s `day` of `month`: the first Monday of September (RelativeYearlyRecurrence). */
  relativeYearly(options: RelativeYearlyOptions): RecurrenceType {
    return {
      RelativeYearlyRecurrence: {
        DaysOfWeek: oneOf(options.day, DayOfWeekTypeValues, 'day'), DayOfWeekIndex: oneOf(options.week, DayOfWeekIndexTypeValues, 'week'),
        Month: oneOf(options.month, MonthNamesTypeValues, 'month'),
      },
      ...range(options),
    };
  },
};

function range(options: RecurrenceRange): Pick<RecurrenceType, 'NumberedRecurrence' | 'EndDateRecurrence' | 'NoEndRecurrence'> {
  if (!options || typeof options !== 'object') throw new InvalidValueError('recurrence options are missing');
  const values = options as Readonly<Record<string, unknown>>;
  // `noEnd: false` (from untyped callers) means no such range.
  const given = ['occurrences', 'endDate', 'noEnd'].filter((key) => values[key] !== undefined && values[key] !== false);
  if (given.length !== 1) {
    throw new InvalidValueError(`a recurrence needs exactly one range (occurrences, endDate or noEnd), got ${given.length ? given.join(' and ') : 'none'}`);
  }
  const StartDate = calendarDateOf(options.startDate, 'startDate');
  if (options.occurrences !== undefined) {
    if (!Number.isInteger(options.occurrences) || options.occurrences < 1) {
      throw new InvalidValueError(`occurrences must be a whole number of at least 1, got ${String(options.occurrences)}`);
    }
    return { NumberedRecurrence: { StartDate, NumberOfOccurrences: options.occurrences } };
  }
  if (options.endDate !== undefined) {
    const EndDate = calendarDateOf(options.endDate, 'endDate');
    if (EndDate < StartDate) throw new InvalidValueError(`endDate ${EndDate} is before startDate ${StartDate}`);
    return { EndDateRecurrence: { StartDate, EndDate } };
  }
  if (options.noEnd !== true) throw new InvalidValueError('noEnd must be true when given');
  return { NoEndRecurrence: { StartDate } };
}

function interval(options: Interval): number {
  const value = options.interval ?? 1;
  if (!Number.isInteger(value) || value < 1) throw new InvalidValueError(`interval must be a whole number of at least 1, got ${String(value)}`);
  return value;
}

function dayOfMonth(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 31) throw new InvalidValueError(`dayOfMonth must be 1 to 31, got ${String(value)}`);
  return value;
}

function oneOf<T extends string>(value: T, values: readonly T[], what: string): T {
  if (!values.includes(value)) throw new InvalidValueError(`${what} must be one of ${values.join(', ')}; got ${JSON.stringify(value)}`);
  return value;
}
