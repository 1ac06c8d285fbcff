/** Value helpers: dates, time zones, recurrences, attendees, bodies and reminders as EWS expects them. */
export { InvalidValueError, TimeZoneError } from './errors';
export {
  calendarDate, calendarDateOf, formatInTimeZone, parseDateTime, toDate, zonedDateTime,
  type CalendarDateInput, type OffsetDateTime,
} from './dates';
export { ianaTimeZone, isWindowsTimeZone, meetingTimeZones, timeZoneDefinition, windowsTimeZone, windowsTimeZoneIds } from './time-zones';
export {
  recurrence, type DailyOptions, type MonthlyOptions, type RecurrenceRange, type RelativeMonthlyOptions, type RelativeYearlyOptions,
  type WeeklyOptions, type YearlyOptions,
} from './recurrence';
export { attendees, body, newItem, reminder, type AttendeeInput } from './items';
