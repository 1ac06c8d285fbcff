/**
 * Expansion of a recurring series (t:Recurrence: one pattern and one range) into its occurrences.
 * Patterns: Daily, Weekly, AbsoluteMonthly, RelativeMonthly, AbsoluteYearly, RelativeYearly; ranges:
 * NoEnd, EndDate, Numbered. Dates are computed in UTC from the master's start time of day (the
 * simulator does not apply time-zone rules, so a series never shifts across daylight-saving changes).
 */
import type * as t from '../../../generated/types';
import type { WithNewer } from '../../schema/release-types';

export interface Occurrence {
  /** 1-based position in the series (t:OccurrenceItemId InstanceIndex); deleted occurrences keep theirs. */
  readonly index: number;
  readonly originalStart: number;
  readonly start: number;
  readonly end: number;
}

export interface SeriesTiming {
  readonly recurrence: t.RecurrenceType;
  /** The master's start and end (epoch ms): time of day and duration of every occurrence. */
  readonly start: number;
  readonly end: number;
  readonly deleted?: ReadonlySet<number>;
  /** Exceptions that moved an occurrence, by original start. */
  readonly moved?: ReadonlyMap<number, { start: number; end: number }>;
}

const DAY = 86_400_000;
/** A NoEnd series with no window stops here, so nothing iterates forever. */
const MAX_OCCURRENCES = 5000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const ORDINALS = ['First', 'Second', 'Third', 'Fourth'] as const;

/**
 * The occurrences (deleted ones left out) whose time overlaps [from, to), or all of them when no window
 * is given; `indexLimit` stops after that instance index.
 */
export function expandSeries(series: SeriesTiming, window?: { from: number; to: number }, indexLimit = MAX_OCCURRENCES): Occurrence[] {
  const range = rangeOf(series.recurrence);
  const timeOfDay = mod(series.start, DAY);
  const duration = series.end - series.start;
  const occurrences: Occurrence[] = [];
  let index = 0;
  for (const day of patternDays(series.recurrence, range.startDay)) {
    if (range.endDay !== undefined && day > range.endDay) break;
    index += 1;
    if (index > Math.min(range.count ?? MAX_OCCURRENCES, indexLimit)) break;
    const originalStart = day + timeOfDay;
    if (window && originalStart >= window.to && !series.moved?.size) break;
    if (series.deleted?.has(originalStart)) continue;
    const moved = series.moved?.get(originalStart);
    const start = moved?.start ?? originalStart;
    const end = moved?.end ?? originalStart + duration;
    if (!window || (start < window.to && end > window.from)) occurrences.push({ index, originalStart, start, end });
  }
  return occurrences;
}

/** The first occurrence of a series (for the master's Start/End and t:FirstOccurrence). */
export function firstOccurrence(series: SeriesTiming): Occurrence | undefined {
  return expandSeries({ ...series, deleted: undefined }, undefined, 1)[0];
}

interface Range {
  readonly startDay: number;
  readonly endDay?: number;
  readonly count?: number;
}

function rangeOf(recurrence: t.RecurrenceType): Range {
  const range = recurrence.NumberedRecurrence ?? recurrence.EndDateRecurrence ?? recurrence.NoEndRecurrence;
  if (!range) throw new Error('a recurrence needs a range');
  return {
    startDay: dayOf(range.StartDate),
    endDay: recurrence.EndDateRecurrence ? dayOf(recurrence.EndDateRecurrence.EndDate) : undefined,
    count: recurrence.NumberedRecurrence?.NumberOfOccurrences,
  };
}

/** Days (UTC midnight, epoch ms) the pattern selects, from the range start on, in order. */
function* patternDays(recurrence: t.RecurrenceType, startDay: number): Generator<number> {
  const { DailyRecurrence: daily, WeeklyRecurrence: weekly, AbsoluteMonthlyRecurrence: absMonthly,
    RelativeMonthlyRecurrence: relMonthly, AbsoluteYearlyRecurrence: absYearly, RelativeYearlyRecurrence: relYearly } = recurrence;
  if (daily) for (let day = startDay; ; day += daily.Interval * DAY) yield day;
  else if (weekly) yield* weeklyDays(weekly, startDay);
  else if (absMonthly) yield* monthlyDays(startDay, absMonthly.Interval, (y, m) => clampedDay(y, m, absMonthly.DayOfMonth));
  else if (relMonthly) yield* monthlyDays(startDay, relMonthly.Interval, (y, m) => relativeDay(y, m, relMonthly.DaysOfWeek, relMonthly.DayOfWeekIndex));
  else if (absYearly) yield* monthlyDays(startDay, 12, (y) => clampedDay(y, monthIndex(absYearly.Month), absYearly.DayOfMonth), monthIndex(absYearly.Month));
  else if (relYearly) yield* monthlyDays(startDay, 12, (y) => relativeDay(y, monthIndex(relYearly.Month), relYearly.DaysOfWeek, relYearly.DayOfWeekIndex), monthIndex(relYearly.Month));
  else throw new Error('a recurrence needs a pattern');
}

function* weeklyDays(pattern: t.WeeklyRecurrencePatternType, startDay: number): Generator<number> {
  const firstDayOfWeek = WEEKDAYS.indexOf(((pattern as WithNewer<typeof pattern, 'FirstDayOfWeek'>).FirstDayOfWeek ?? 'Sunday') as (typeof WEEKDAYS)[number]);
  const wanted = pattern.DaysOfWeek;
  const weekStart = startDay - mod(weekdayOf(startDay) - firstDayOfWeek, 7) * DAY;
  for (let week = weekStart; ; week += pattern.Interval * 7 * DAY) {
    for (let offset = 0; offset < 7; offset++) {
      const day = week + offset * DAY;
      if (day >= startDay && wanted.some((name) => dayMatches(name, weekdayOf(day)))) yield day;
    }
  }
}

/** One day per selected month: every `interval` months from the range start (or from `firstMonth` of its year). */
function* monthlyDays(startDay: number, interval: number, pick: (year: number, month: number) => number, firstMonth?: number): Generator<number> {
  const start = new Date(startDay);
  let year = start.getUTCFullYear();
  let month = firstMonth ?? start.getUTCMonth();
  for (;;) {
    const day = pick(year, month);
    if (day >= startDay) yield day;
    month += interval;
    year += Math.floor(month / 12);
    month %= 12;
  }
}

/** The day of month, or the month's last day when it has fewer days (the 31st in April is the 30th). */
function clampedDay(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

/** The First..Fourth or Last day of the month matching `name` (a weekday, Day, Weekday or WeekendDay). */
function relativeDay(year: number, month: number, name: t.DayOfWeekType, index: t.DayOfWeekIndexType): number {
  const matching: number[] = [];
  for (let date = 1; date <= daysInMonth(year, month); date++) {
    const day = Date.UTC(year, month, date);
    if (dayMatches(name, weekdayOf(day))) matching.push(day);
  }
  return index === 'Last' ? matching[matching.length - 1] : matching[ORDINALS.indexOf(index)];
}

function dayMatches(name: t.DayOfWeekType, weekday: number): boolean {
  if (name === 'Day') return true;
  if (name === 'Weekday') return weekday >= 1 && weekday <= 5;
  if (name === 'WeekendDay') return weekday === 0 || weekday === 6;
  return WEEKDAYS[weekday] === name;
}

function monthIndex(name: t.MonthNamesType): number {
  return MONTHS.indexOf(name);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function weekdayOf(day: number): number {
  return new Date(day).getUTCDay();
}

/** UTC midnight of an xs:date (`2024-01-15`, possibly with an offset, which is ignored). */
function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
