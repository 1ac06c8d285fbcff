/**
 * Simple values: the lexical check and conversion when reading, the formatting when writing.
 * The instance model (src/schema/descriptors.ts): booleans and numbers become JS values, every other
 * built-in stays the lexical string so that offsets and precision are never lost.
 */
import type { BuiltinTypeName, ValueKind } from '../schema/descriptors';
import type { CompiledSimple } from './compile';

export interface NumberRule {
  readonly integer: boolean;
  readonly min?: number;
  readonly max?: number;
  /** xs:double and xs:float also take `INF`, `-INF` and `NaN`. */
  readonly specials: boolean;
}

const integer = (min?: number, max?: number): NumberRule => ({ integer: true, min, max, specials: false });
const NUMBER_RULES: Partial<Record<BuiltinTypeName, NumberRule>> = {
  'xs:byte': integer(-128, 127),
  'xs:short': integer(-32768, 32767),
  'xs:int': integer(-2147483648, 2147483647),
  'xs:long': integer(),
  'xs:integer': integer(),
  'xs:nonNegativeInteger': integer(0),
  'xs:positiveInteger': integer(1),
  'xs:unsignedByte': integer(0, 255),
  'xs:unsignedShort': integer(0, 65535),
  'xs:unsignedInt': integer(0, 4294967295),
  'xs:unsignedLong': integer(0),
  'xs:decimal': { integer: false, specials: false },
  'xs:double': { integer: false, specials: true },
  'xs:float': { integer: false, specials: true },
};

const KIND_BY_BUILTIN: Partial<Record<BuiltinTypeName, ValueKind>> = {
  'xs:boolean': 'boolean',
  'xs:dateTime': 'dateTime', 'xs:date': 'date', 'xs:time': 'time', 'xs:duration': 'duration',
  'xs:base64Binary': 'base64', 'xs:hexBinary': 'hex',
};

export function numberRuleOf(builtin: BuiltinTypeName): NumberRule | undefined {
  return NUMBER_RULES[builtin];
}

export function valueKindOf(builtin: BuiltinTypeName): ValueKind {
  return NUMBER_RULES[builtin] ? 'number' : KIND_BY_BUILTIN[builtin] ?? 'string';
}

/** Returned by `parseSimple` for text that does not fit the type. */
export const INVALID: unique symbol = Symbol('invalid simple value');

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const FLOATING = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIMEZONE = '(?:Z|[+-]\\d\\d:\\d\\d)?';
const LEXICAL: Partial<Record<ValueKind, RegExp>> = {
  dateTime: new RegExp(`^-?\\d{4,}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?${TIMEZONE}$`),
  date: new RegExp(`^-?\\d{4,}-\\d\\d-\\d\\d${TIMEZONE}$`),
  time: new RegExp(`^\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?${TIMEZONE}$`),
  // At least one field after P, and at least one after T.
  duration: /^-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/,
};
const XML_WHITESPACE = /[ \t\n\r]+/;

/** Converts element or attribute text to its JS value, or `INVALID`. */
export function parseSimple(type: CompiledSimple, text: string): unknown {
  if (type.listItem) return parseList(type.listItem, text);
  switch (type.valueKind) {
    case 'string': case 'base64': case 'hex':
      return text;
    case 'boolean':
      return parseBoolean(text.trim());
    case 'number':
      return parseNumber(type.numberRule!, text.trim());
    default: {
      const lexical = text.trim();
      return LEXICAL[type.valueKind]!.test(lexical) ? lexical : INVALID;
    }
  }
}

export function parseBoolean(text: string): boolean | typeof INVALID {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return INVALID;
}

function parseNumber(rule: NumberRule, text: string): number | typeof INVALID {
  if (rule.specials) {
    if (text === 'INF' || text === '+INF') return Infinity;
    if (text === '-INF') return -Infinity;
    if (text === 'NaN') return NaN;
  }
  if (!(rule.integer ? INTEGER : rule.specials ? FLOATING : DECIMAL).test(text)) return INVALID;
  const value = Number(text);
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) return INVALID;
  return value;
}

function parseList(item: CompiledSimple, text: string): unknown[] | typeof INVALID {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const values: unknown[] = [];
  for (const token of trimmed.split(XML_WHITESPACE)) {
    const value = parseSimple(item, token);
    if (value === INVALID) return INVALID;
    values.push(value);
  }
  return values;
}

/** Formats a JS value as the lexical form of the type, or `undefined` when the value has the wrong JS type. */
export function formatSimple(type: CompiledSimple, value: unknown): string | undefined {
  if (type.listItem) return Array.isArray(value) ? formatList(type.listItem, value) : undefined;
  switch (type.valueKind) {
    case 'string':
      return typeof value === 'string' ? value
        : type.union && typeof value === 'number' ? String(value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? (value ? 'true' : 'false') : undefined;
    case 'number':
      return formatNumber(type.numberRule!, value);
    case 'dateTime':
      return value instanceof Date ? isoOf(value) : typeof value === 'string' ? value : undefined;
    case 'date':
      return value instanceof Date ? isoOf(value)?.slice(0, 10) : typeof value === 'string' ? value : undefined;
    case 'base64':
      return value instanceof Uint8Array ? bufferOf(value).toString('base64') : typeof value === 'string' ? value : undefined;
    case 'hex':
      return value instanceof Uint8Array ? bufferOf(value).toString('hex').toUpperCase()
        : typeof value === 'string' ? value : undefined;
    default: // time, duration: strings only
      return typeof value === 'string' ? value : undefined;
  }
}

function formatList(item: CompiledSimple, values: readonly unknown[]): string | undefined {
  const parts: string[] = [];
  for (const value of values) {
    const part = formatSimple(item, value);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return parts.join(' ');
}

function formatNumber(rule: NumberRule, value: unknown): string | undefined {
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'number') return undefined;
  if (!Number.isFinite(value)) {
    if (!rule.specials) return undefined;
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'INF' : '-INF';
  }
  if (rule.integer) {
    if (!Number.isInteger(value)) return undefined;
    // String(1e21) is "1e+21", which no integer type accepts.
    return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  }
  const text = String(value);
  return rule.specials || !text.includes('e') ? text : withoutExponent(text);
}

/** xs:decimal has no exponent: `1.5e-7` → `0.00000015`, with the same (shortest round-trip) digits. */
function withoutExponent(text: string): string {
  const [mantissa, exponent] = text.split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const unsigned = sign ? mantissa.slice(1) : mantissa;
  const digits = unsigned.replace('.', '');
  const point = (unsigned.includes('.') ? unsigned.indexOf('.') : unsigned.length) + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function isoOf(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
