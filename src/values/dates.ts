/**
 * Dates. Responses keep EWS's lexical form (`2026-11-24T09:00:00+01:00`, `…Z`), which carries the
 * offset a `Date` would drop; `parseDateTime` gives both the instant and that offset. Requests take a
 * `Date` or the lexical string; `zonedDateTime` writes a wall-clock time of a time zone with the offset
 * in force then, and `calendarDate` gives the day an instant falls on in a time zone (a recurrence's
 * StartDate is such a local day, not the UTC day `toISOString().slice(0, 10)` gives).
 */
import { InvalidValueError } from './errors';
import { ianaTimeZone } from './time-zones';

export interface OffsetDateTime {
  /** The instant. */
  readonly date: Date;
  /** The offset as written (`Z`, `+01:00`), or undefined when the text has none (then read as UTC). */
  readonly offset: string | undefined;
  /** The offset in minutes east of UTC (0 when none was written). */
  readonly offsetMinutes: number;
  /** The wall-clock time as written, without its offset: `2026-11-24T09:00:00`. */
  readonly local: string;
}

const DATE_TIME = /^(-?\d{4,}-\d\d-\d\d)T(\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:\d\d)?$/;
const DATE = /^\d{4}-\d\d-\d\d$/;
const LOCAL = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?$/;

/** An xs:dateTime as EWS sends it → the instant with the offset it was written with. */
export function parseDateTime(lexical: string): OffsetDateTime {
  const match = typeof lexical === 'string' ? DATE_TIME.exec(lexical.trim()) : null;
  const date = match ? new Date(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime())) throw new InvalidValueError(`not an xs:dateTime: ${JSON.stringify(lexical)}`);
  const offset = match[3];
  const offsetMinutes = !offset || offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return { date, offset, offsetMinutes, local: `${match[1]}T${match[2]}` };
}

/** An xs:dateTime as a `Date` (the instant; `parseDateTime` keeps the offset too). */
export function toDate(lexical: string): Date {
  return parseDateTime(lexical).date;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone (Windows id or IANA name). */
export function calendarDate(instant: Date, timeZone: string): string {
  return wallClock(checkedInstant(instant), ianaTimeZone(timeZone)).slice(0, 10);
}

/** An instant written with the offset of a time zone at that instant: `2026-11-24T09:00:00+01:00`. */
export function formatInTimeZone(instant: Date, timeZone: string): string {
  const zone = ianaTimeZone(timeZone);
  const date = checkedInstant(instant);
  return `${wallClock(date, zone)}${offsetText(offsetMinutesAt(date, zone))}`;
}

/**
 * A wall-clock time of a time zone (`2026-03-29T09:00`) as xs:dateTime with the offset in force then.
 * A time the clocks skip (spring forward) is refused; a time that occurs twice (fall back) is the
 * first of the two, as Outlook and Exchange resolve it.
 */
export function zonedDateTime(local: string, timeZone: string): string {
  const zone = ianaTimeZone(timeZone);
  const match = typeof local === 'string' ? LOCAL.exec(local) : null;
  if (!match) throw new InvalidValueError(`not a local date and time (YYYY-MM-DDTHH:mm[:ss]): ${JSON.stringify(local)}`);
  const [, y, mo, d, h, mi, s = '00'] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const wanted = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 19) !== wanted) throw new InvalidValueError(`not a valid date and time: ${local}`);
  // The offset in force is one of those a day before and a day after (no zone changes twice in two days).
  const offsets = [...new Set([offsetMinutesAt(new Date(asUtc - DAY), zone), offsetMinutesAt(new Date(asUtc + DAY), zone)])];
  const matches = offsets.map((offset) => asUtc - offset * MINUTE).filter((t) => wallClock(new Date(t), zone) === wanted).sort((a, b) => a - b);
  if (matches.length === 0) throw new InvalidValueError(`${local} does not exist in ${timeZone}: the clocks skip it (daylight saving time starts)`);
  return `${wanted}${offsetText(offsetMinutesAt(new Date(matches[0]), zone))}`;
}

/** A calendar date given as `YYYY-MM-DD`, or as the day an instant falls on in a time zone. */
export type CalendarDateInput = string | { readonly date: Date; readonly timeZone: string };

/** The `YYYY-MM-DD` of a CalendarDateInput; InvalidValueError for anything else. */
export function calendarDateOf(input: CalendarDateInput, what = 'date'): string {
  if (typeof input === 'string') {
    const day = DATE.test(input) ? new Date(`${input}T00:00:00Z`) : undefined;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== input) {
      throw new InvalidValueError(`${what} must be a calendar date YYYY-MM-DD: ${JSON.stringify(input)}`);
    }
    return input;
  }
  if (input && typeof input === 'object' && input.date instanceof Date) return calendarDate(input.date, input.timeZone);
  throw new InvalidValueError(`${what} must be 'YYYY-MM-DD' or { date, timeZone }`);
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(zone, format);
  }
  return format;
}

function partsOf(date: Date, zone: string): Record<string, string> {
  return Object.fromEntries(formatter(zone).formatToParts(date).map((part) => [part.type, part.value]));
}

/** `YYYY-MM-DDTHH:mm:ss` of an instant on the wall clocks of a zone. */
function wallClock(date: Date, zone: string): string {
  const p = partsOf(date, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

function offsetMinutesAt(date: Date, zone: string): number {
  const name = partsOf(date, zone).timeZoneName; // GMT, GMT+01:00, GMT-07:00, GMT+05:45
  const match = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(name ?? '');
  if (!match) throw new InvalidValueError(`cannot read the UTC offset of ${zone}: ${name}`);
  return match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function checkedInstant(instant: Date): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new InvalidValueError(`not a valid Date: ${String(instant)}`);
  return instant;
}
