import {
  calendarDate, formatInTimeZone, ianaTimeZone, meetingTimeZones, parseDateTime, recurrence, TimeZoneError, toDate,
  windowsTimeZone, windowsTimeZoneIds, zonedDateTime,
} from '../../src/values';
import { ExchangeClient } from '../../src/client/exchange-client';

describe('IANA <-> Windows time zones (CLDR windowsZones)', () => {
  it('maps the common zones both ways', () => {
    expect(windowsTimeZone('Europe/Berlin')).toBe('W. Europe Standard Time');
    expect(windowsTimeZone('America/Los_Angeles')).toBe('Pacific Standard Time');
    expect(windowsTimeZone('Asia/Calcutta')).toBe('India Standard Time');
    expect(windowsTimeZone('Asia/Kolkata')).toBe('India Standard Time');
    expect(windowsTimeZone('Pacific Standard Time')).toBe('Pacific Standard Time');
    expect(ianaTimeZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaTimeZone('Pacific Standard Time')).toBe('America/Los_Angeles');
  });

  it('round-trips every Windows id through its primary IANA zone', () => {
    const ids = [...windowsTimeZoneIds()];
    expect(ids.length).toBeGreaterThan(130);
    const broken = ids.filter((id) => windowsTimeZone(ianaTimeZone(id)) !== id);
    expect(broken).toEqual([]);
  });

  it('round-trips IANA names to the same Windows id', () => {
    for (const iana of ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'America/Sao_Paulo', 'Africa/Cairo', 'Etc/UTC']) {
      const windows = windowsTimeZone(iana);
      expect(windowsTimeZone(ianaTimeZone(windows))).toBe(windows);
    }
  });

  it('refuses an unknown zone with a message that says what to give', () => {
    expect(() => windowsTimeZone('Europe/Berln')).toThrow(TimeZoneError);
    expect(() => windowsTimeZone('Europe/Berln')).toThrow(/unknown time zone "Europe\/Berln": give a Windows time zone id/);
    expect(() => ianaTimeZone('')).toThrow(TimeZoneError);
  });

  it('gives StartTimeZone and EndTimeZone by Windows id', () => {
    expect(meetingTimeZones('Europe/Berlin', 'America/Los_Angeles')).toEqual({
      StartTimeZone: { Id: 'W. Europe Standard Time' }, EndTimeZone: { Id: 'Pacific Standard Time' },
    });
  });

  it("maps the client's IANA time zone to its Windows id and refuses an unknown one", () => {
    const headers = (client: ExchangeClient) => (client as unknown as { context: { timeZone?: string } }).context.timeZone;
    expect(headers(new ExchangeClient({ url: 'http://127.0.0.1:1/EWS/Exchange.asmx', timeZone: 'America/Los_Angeles' }))).toBe('Pacific Standard Time');
    expect(headers(new ExchangeClient({ url: 'http://127.0.0.1:1/EWS/Exchange.asmx', timeZone: 'W. Europe Standard Time' }))).toBe('W. Europe Standard Time');
    expect(() => new ExchangeClient({ url: 'http://127.0.0.1:1/EWS/Exchange.asmx', timeZone: 'Mars/Olympus' })).toThrow(TimeZoneError);
  });
});

describe('dates across daylight saving time', () => {
  it('W. Europe Standard Time: the day clocks go forward (29 March 2026)', () => {
    expect(zonedDateTime('2026-03-28T09:00', 'W. Europe Standard Time')).toBe('2026-03-28T09:00:00+01:00');
    expect(zonedDateTime('2026-03-29T09:00', 'W. Europe Standard Time')).toBe('2026-03-29T09:00:00+02:00');
    expect(() => zonedDateTime('2026-03-29T02:30', 'W. Europe Standard Time')).toThrow(/does not exist in W\. Europe Standard Time/);
    // Fall back (25 October 2026): 02:30 happens twice; the first (summer time) is taken.
    expect(zonedDateTime('2026-10-25T02:30', 'W. Europe Standard Time')).toBe('2026-10-25T02:30:00+02:00');
  });

  it('Pacific Standard Time: the day clocks go forward (8 March 2026) and back (1 November 2026)', () => {
    expect(zonedDateTime('2026-03-07T09:00', 'Pacific Standard Time')).toBe('2026-03-07T09:00:00-08:00');
    expect(zonedDateTime('2026-03-08T09:00', 'Pacific Standard Time')).toBe('2026-03-08T09:00:00-07:00');
    expect(() => zonedDateTime('2026-03-08T02:30', 'Pacific Standard Time')).toThrow(/does not exist/);
    expect(zonedDateTime('2026-11-01T01:30', 'Pacific Standard Time')).toBe('2026-11-01T01:30:00-07:00');
    expect(zonedDateTime('2026-11-01T09:00', 'Pacific Standard Time')).toBe('2026-11-01T09:00:00-08:00');
  });

  it('gives a recurrence start as the local day, not the UTC day, on both sides of the boundary', () => {
    // 00:30 on Sunday 29 March in Berlin is 23:30 UTC on Saturday.
    const berlin = new Date(zonedDateTime('2026-03-29T00:30', 'W. Europe Standard Time'));
    expect(berlin.toISOString().slice(0, 10)).toBe('2026-03-28');
    expect(calendarDate(berlin, 'W. Europe Standard Time')).toBe('2026-03-29');
    expect(recurrence.weekly({ days: 'Sunday', startDate: { date: berlin, timeZone: 'W. Europe Standard Time' }, occurrences: 4 })
      .NumberedRecurrence?.StartDate).toBe('2026-03-29');
    // 23:30 on Saturday 7 March in Los Angeles is 07:30 UTC on Sunday, the day clocks go forward.
    const pacific = new Date(zonedDateTime('2026-03-07T23:30', 'Pacific Standard Time'));
    expect(pacific.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(recurrence.daily({ startDate: { date: pacific, timeZone: 'Pacific Standard Time' }, noEnd: true }).NoEndRecurrence?.StartDate).toBe('2026-03-07');
  });

  it('reads a dateTime into a Date and keeps the offset it was written with', () => {
    expect(parseDateTime('2026-11-24T09:00:00+01:00')).toEqual({
      date: new Date('2026-11-24T08:00:00Z'), offset: '+01:00', offsetMinutes: 60, local: '2026-11-24T09:00:00',
    });
    expect(parseDateTime('2026-11-24T09:00:00.5-07:00').offsetMinutes).toBe(-420);
    expect(parseDateTime('2026-11-24T09:00:00').offset).toBeUndefined();
    expect(toDate('2026-11-24T08:00:00Z').getTime()).toBe(Date.UTC(2026, 10, 24, 8));
    expect(() => toDate('yesterday')).toThrow(/not an xs:dateTime/);
    expect(formatInTimeZone(new Date('2026-07-01T12:00:00Z'), 'Asia/Kathmandu')).toBe('2026-07-01T17:45:00+05:45');
    expect(formatInTimeZone(new Date('2026-07-01T12:00:00Z'), 'UTC')).toBe('2026-07-01T12:00:00Z');
  });
});
