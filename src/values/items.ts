/**
 * What users write most in items: attendees, bodies, reminders, and the `$el` tag of a new item.
 * Each returns the generated type it stands for, so the result stays visible and schema-first.
 */
import type { NewItem } from '../batch/operations/create-items';
import type { AttendeeType, BodyType, ItemType } from '../../generated/types';
import { ewsSchema } from '../schema/ews-schema';
import { InvalidValueError } from './errors';

/** An address (`bob@contoso.com`) or an address with a display name. */
export type AttendeeInput = string | { readonly email: string; readonly name?: string };

/** RequiredAttendees, OptionalAttendees or Resources from addresses: `attendees('bob@x', 'carol@y')`. */
export function attendees(first: AttendeeInput, ...rest: AttendeeInput[]): AttendeeType[] {
  return [first, ...rest].map((input, index) => {
    const email = typeof input === 'string' ? input : input?.email;
    if (typeof email !== 'string' || email.trim() === '') throw new InvalidValueError(`attendee ${index + 1} has no email address`);
    const name = typeof input === 'string' ? undefined : input.name;
    return { Mailbox: { EmailAddress: email.trim(), ...(name !== undefined && { Name: name }) } };
  });
}

/** A Body (or NewBodyContent): `body.html('<p>Agenda</p>')`, `body.text('Agenda')`. */
export const body = {
  html(content: string): BodyType {
    return { BodyType: 'HTML', $value: textOf(content) };
  },
  text(content: string): BodyType {
    return { BodyType: 'Text', $value: textOf(content) };
  },
};

/** The reminder of an item: `...reminder(15)` sets it 15 minutes before the start; `reminder(false)` clears it. */
export function reminder(minutesBeforeStart: number | false): Pick<ItemType, 'ReminderIsSet' | 'ReminderMinutesBeforeStart'> {
  if (minutesBeforeStart === false) return { ReminderIsSet: false };
  const [min, max] = reminderRange();
  if (!Number.isInteger(minutesBeforeStart) || minutesBeforeStart < min || minutesBeforeStart > max) {
    throw new InvalidValueError(`a reminder is ${min} to ${max} minutes before the start, got ${String(minutesBeforeStart)}`);
  }
  return { ReminderIsSet: true, ReminderMinutesBeforeStart: minutesBeforeStart };
}

/**
 * A new item tagged with its element: `newItem('CalendarItem', { Subject, Start })`. A misspelt element
 * or a property the element does not have is an error at the property, not at a union of fifteen kinds.
 */
export function newItem<E extends NewItem['$el']>(element: E, item: Omit<Extract<NewItem, { $el: E }>, '$el'>): Extract<NewItem, { $el: E }> {
  return { ...item, $el: element } as Extract<NewItem, { $el: E }>;
}

let range: readonly [number, number] | undefined;

/** The first member of t:ReminderMinutesBeforeStartType is the user-settable range (the second is a marker value). */
function reminderRange(): readonly [number, number] {
  if (!range) {
    const schema = ewsSchema();
    const union = schema.types.ReminderMinutesBeforeStartType;
    const first = union?.kind === 'simple' ? schema.types[union.union?.[0] ?? ''] : undefined;
    const facets = first?.kind === 'simple' ? first.facets : undefined;
    range = [Number(facets?.minInclusive ?? 0), Number(facets?.maxInclusive ?? Number.MAX_SAFE_INTEGER)];
  }
  return range;
}

function textOf(content: string): string {
  if (typeof content !== 'string') throw new InvalidValueError(`a body is a string, got ${typeof content}`);
  return content;
}
