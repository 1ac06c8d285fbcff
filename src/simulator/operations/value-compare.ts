/**
 * Type-aware comparison of property values, shared by restrictions, sorting and grouping. Values are
 * reduced to comparable scalars by the kind the schema gives the property: date-times compare as
 * instants, numbers numerically, booleans as booleans, strings case-insensitively (as the Exchange
 * store collates). Multi-valued properties yield several scalars; a recipient yields its name and address.
 */
import { parseEwsDateTime } from '../store/clock';
import { ResponseError } from './errors';
import type { ValueKind } from './schema-facts';

export type Scalar = string | number | boolean;

const collator = new Intl.Collator('en-US', { sensitivity: 'accent' });

/** The comparable scalars of a stored value; empty when the property is absent. */
export function scalarsOf(value: unknown, kind: ValueKind): Scalar[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((entry) => scalarsOf(entry, kind));
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.Mailbox) return scalarsOf(record.Mailbox, kind);
    if ('$value' in record) return scalarsOf(record.$value, kind);
    if ('EmailAddress' in record || 'Name' in record) return [record.Name, record.EmailAddress].filter((s): s is string => typeof s === 'string');
    return [];
  }
  return [toScalar(value as Scalar, kind)];
}

/** What identifies a value when grouping: a recipient by address, anything else by its first scalar. */
export function groupKeyOf(value: unknown, kind: ValueKind): Scalar | undefined {
  const record = value as { Mailbox?: { EmailAddress?: string } } & { EmailAddress?: string } | undefined;
  const address = record?.Mailbox?.EmailAddress ?? record?.EmailAddress;
  if (typeof address === 'string') return address.toLowerCase();
  const first = scalarsOf(value, kind)[0];
  return typeof first === 'string' ? first.toLowerCase() : first;
}

/** A restriction constant (t:Constant Value) read as the property's kind. */
export function constantOf(text: string, kind: ValueKind): Scalar {
  const scalar = toScalar(text, kind);
  if (typeof scalar === 'number' && Number.isNaN(scalar)) throw new ResponseError('ErrorInvalidValueForProperty', `'${text}' is not a valid value for this property.`);
  return scalar;
}

/** Orders two scalars; mixed kinds compare as text. */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

function toScalar(value: Scalar, kind: ValueKind): Scalar {
  switch (kind) {
    case 'dateTime': return typeof value === 'number' ? value : parseEwsDateTime(String(value));
    case 'date': return typeof value === 'number' ? value : Date.parse(String(value).slice(0, 10));
    case 'number': return Number(value);
    case 'boolean': return typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true';
    default: return typeof value === 'string' ? value : String(value);
  }
}
