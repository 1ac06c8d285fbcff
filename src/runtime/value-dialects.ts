/**
 * What servers write where the schema wants another lexical form, and what it means. The reader tries
 * these only after the strict form failed (simple-values.ts), so a well-behaved server pays nothing.
 *
 * Each reading is unambiguous: a value read here means exactly what the server meant, and the reader
 * reports it as a diagnostic. Anything else stays raw (`$invalid`), never guessed.
 * Sources: gromox writes xs:date as a midnight dateTime with six fraction digits
 * (corpus/gromox README); booleans as `True`/`False` come from .NET's Boolean.ToString in proxies and
 * EWS gateways; integers as `5.0` from gateways that hold every number as a double.
 */
import type { CompiledSimple } from './compile';
import { INVALID, parseSimple } from './simple-values';

/** A midnight dateTime (any fraction of zeros, any zone): the calendar date it starts. */
const MIDNIGHT_DATE_TIME = /^(-?\d{4,}-\d\d-\d\d)T00:00:00(?:\.0+)?(?:Z|[+-]\d\d:\d\d)?$/;
/** A dateTime without seconds (`2026-12-10T09:30Z`): seconds are zero. */
const DATE_TIME_WITHOUT_SECONDS = /^(-?\d{4,}-\d\d-\d\dT\d\d:\d\d)((?:Z|[+-]\d\d:\d\d)?)$/;
/** An integral number written with a zero fraction or an exponent (`5.0`, `1E3`). */
const INTEGRAL = /^[+-]?(?:\d+(?:\.0*)?|\d+(?:\.\d*)?[eE]\+?\d+)$/;
const DECIMAL_WITH_EXPONENT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$/;

/** The value a server dialect stands for, or `INVALID` when the text has no unambiguous meaning. */
export function readDialect(type: CompiledSimple, text: string): unknown {
  if (type.listItem) return INVALID;
  const lexical = text.trim();
  switch (type.valueKind) {
    case 'date': {
      const midnight = MIDNIGHT_DATE_TIME.exec(lexical);
      return midnight ? midnight[1] : INVALID;
    }
    case 'dateTime': {
      const short = DATE_TIME_WITHOUT_SECONDS.exec(lexical);
      return short ? `${short[1]}:00${short[2]}` : INVALID;
    }
    case 'boolean': {
      const lower = lexical.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : INVALID;
    }
    case 'number': {
      const rule = type.numberRule!;
      if (rule.integer ? !INTEGRAL.test(lexical) : !DECIMAL_WITH_EXPONENT.test(lexical)) return INVALID;
      const value = Number(lexical);
      if (!Number.isFinite(value) || (rule.integer && !Number.isInteger(value))) return INVALID;
      // The range check is the strict parser's: a dialect never widens what a type may hold.
      return parseSimple(type, String(value));
    }
    default:
      return INVALID;
  }
}
