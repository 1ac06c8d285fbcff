/** Errors of the value helpers: a value that cannot become what EWS expects, refused before any request. */
import { EwsError } from '../client/errors';

/** A value the helpers refuse (an interval of 0, two recurrence ranges, a local time that does not exist…). */
export class InvalidValueError extends EwsError {
  override readonly name: string = 'InvalidValueError';
}

/** A time zone that is neither a Windows time zone id nor an IANA name CLDR maps to one. */
export class TimeZoneError extends InvalidValueError {
  override readonly name = 'TimeZoneError';
}
