/**
 * Time zones: EWS names them by Windows id (`W. Europe Standard Time`); JavaScript and most systems by
 * IANA name (`Europe/Berlin`). The mapping is CLDR's windowsZones table, through the windows-iana
 * package (kept in step with CLDR releases), loaded on first use.
 */
import type { CalendarItemType } from '../../generated/types';
import type { PropertyOf } from '../schema/release-types';
import { TimeZoneError } from './errors';

/** t:TimeZoneDefinitionType (Exchange 2010 and later; `never` in an SDK generated from an older schema). */
type TimeZoneDefinitionType = PropertyOf<CalendarItemType, 'StartTimeZone'>;

type WindowsIana = typeof import('windows-iana');

let windowsIanaModule: WindowsIana | undefined;
let windowsIds: ReadonlySet<string> | undefined;

function windowsIana(): WindowsIana {
  windowsIanaModule ??= require('windows-iana') as WindowsIana;
  return windowsIanaModule;
}

/** Every Windows time zone id CLDR knows. */
export function windowsTimeZoneIds(): ReadonlySet<string> {
  windowsIds ??= new Set(windowsIana().WINDOWS_TO_IANA_MAP.map((entry) => entry.windowsName));
  return windowsIds;
}

export function isWindowsTimeZone(id: string): boolean {
  return windowsTimeZoneIds().has(id);
}

/**
 * The Windows id of a time zone given by Windows id or IANA name (`America/Los_Angeles` → `Pacific
 * Standard Time`); TimeZoneError for anything else.
 */
export function windowsTimeZone(zone: string): string {
  if (typeof zone !== 'string' || zone.trim() === '') throw new TimeZoneError(`not a time zone: ${JSON.stringify(zone)}`);
  if (isWindowsTimeZone(zone)) return zone;
  const [windows] = windowsIana().findWindows(zone);
  if (!windows) {
    throw new TimeZoneError(`unknown time zone ${JSON.stringify(zone)}: give a Windows time zone id (such as 'W. Europe Standard Time') or an IANA name CLDR maps to one (such as 'Europe/Berlin')`);
  }
  return windows;
}

/**
 * The IANA name of a time zone given by Windows id (CLDR's primary zone for it, territory 001:
 * `W. Europe Standard Time` → `Europe/Berlin`) or by IANA name (returned as given once checked).
 */
export function ianaTimeZone(zone: string): string {
  if (typeof zone === 'string' && isWindowsTimeZone(zone)) {
    const entry = windowsIana().WINDOWS_TO_IANA_MAP.find((e) => e.windowsName === zone && e.territory === '001');
    if (entry) return entry.iana[0];
  }
  windowsTimeZone(zone); // refuses what CLDR does not know
  return zone;
}

/** A TimeZoneDefinition naming a zone by its Windows id, as StartTimeZone, EndTimeZone and TimeZoneContext take it. */
export function timeZoneDefinition(zone: string): TimeZoneDefinitionType {
  return { Id: windowsTimeZone(zone) } as unknown as TimeZoneDefinitionType;
}

/**
 * StartTimeZone and EndTimeZone of a calendar item (the end's zone defaults to the start's), to spread
 * into it: `{ $el: 'CalendarItem', ...meetingTimeZones('Europe/Berlin'), ... }`.
 */
export function meetingTimeZones(start: string, end: string = start): { StartTimeZone: TimeZoneDefinitionType; EndTimeZone: TimeZoneDefinitionType } {
  return { StartTimeZone: timeZoneDefinition(start), EndTimeZone: timeZoneDefinition(end) };
}
