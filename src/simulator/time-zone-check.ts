/**
 * Exchange names time zones by Windows id; an IANA name (`America/Los_Angeles`) or a typo in the
 * TimeZoneContext header, or in a calendar item's StartTimeZone/EndTimeZone, is refused with the
 * ErrorTimeZone fault instead of being silently accepted, so users' tests catch it as Exchange would.
 */
import { isWindowsTimeZone } from '../values/time-zones';
import type { FaultSpec } from './soap-fault';

interface ZoneRef {
  readonly Id?: unknown;
}

/** The fault for the first time zone of the request that is no Windows id; undefined when all are. */
export function timeZoneRefusal(headers: Readonly<Record<string, unknown>>, operation: string, body: unknown): FaultSpec | undefined {
  const context = headers['t:TimeZoneContext'] as { TimeZoneDefinition?: ZoneRef } | undefined;
  const zones: { readonly where: string; readonly zone: ZoneRef | undefined }[] = [{ where: 'TimeZoneContext', zone: context?.TimeZoneDefinition }];
  if (operation === 'CreateItem') {
    const items = (body as { Items?: readonly { StartTimeZone?: ZoneRef; EndTimeZone?: ZoneRef }[] }).Items ?? [];
    items.forEach((item, i) => zones.push(
      { where: `Items[${i}].StartTimeZone`, zone: item.StartTimeZone }, { where: `Items[${i}].EndTimeZone`, zone: item.EndTimeZone },
    ));
  }
  for (const { where, zone } of zones) {
    if (typeof zone?.Id !== 'string' || isWindowsTimeZone(zone.Id)) continue;
    return {
      responseCode: 'ErrorTimeZone',
      message: `The time zone isn't valid: ${where} has Id ${JSON.stringify(zone.Id)}, which is no Windows time zone id (such as 'Pacific Standard Time').`,
    };
  }
  return undefined;
}
