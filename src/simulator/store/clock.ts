/**
 * The simulator's notion of "now", injectable so tests can pin timestamps and step time forward.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: deterministic DateTimeCreated/LastModifiedTime in tests. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2024-01-15T09:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}

/** EWS writes UTC date-times without fractional seconds (`2013-12-10T17:41:05Z`). */
export function ewsDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Epoch ms of an xs:dateTime; one without an offset is taken as UTC (NaN when it is not a date-time). */
export function parseEwsDateTime(text: string): number {
  return Date.parse(/(?:[zZ]|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
}
