/**
 * The reader's value rule, "structure strict, values forgiving" (README, "Reading real servers"): a value
 * that does not fit its schema type is read as a known server dialect means it, or kept raw in its
 * owner's `$invalid`, and either way reported as a diagnostic. `strict` restores a validator's rule.
 */
import { INVALID_PROP, VALUE_PROP } from '../schema/descriptors';
import type { CompiledSimple } from './compile';
import { shortenValue, type DiagnosticAction, type ReadDiagnostic } from './diagnostics';
import { quoteForError } from './errors';
import { INVALID, parseSimple } from './simple-values';
import { readDialect } from './value-dialects';

/** Where the reader is when a diagnostic is recorded. */
export interface ReadLocation {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly entryIndex?: number;
}

/** An element that is not opened as a frame of its own, with its index among its array's entries. */
export interface UnopenedChild {
  readonly name: string;
  readonly index: number;
}

type Target = Record<string, unknown>;

const canonicalValues = new WeakMap<CompiledSimple, ReadonlyMap<string, string>>();

/** Each enumeration value of the type, mapped to the type's own string of it. */
function canonicalValuesOf(type: CompiledSimple): ReadonlyMap<string, string> {
  let values = canonicalValues.get(type);
  if (values === undefined) canonicalValues.set(type, (values = new Map([...type.enumValues!].map((value) => [value, value]))));
  return values;
}

export class ForgivingValues {
  /** What was read forgivingly, in document order. */
  readonly diagnostics: ReadDiagnostic[] = [];

  constructor(
    private readonly strict: boolean,
    /** The open element's location; `attribute` names one of its attributes, `child` an unopened child element. */
    private readonly locate: (attribute?: string, child?: UnopenedChild) => ReadLocation,
    private readonly fail: (reason: string) => never,
  ) {}

  /** Records what was done with a value that did not fit its type, or with content that had no place. */
  report(expectedType: string, text: string, action: DiagnosticAction, message: string, attribute?: string, child?: UnopenedChild): void {
    const { path, line, column, entryIndex } = this.locate(attribute, child);
    this.diagnostics.push({
      path, expectedType, value: shortenValue(text), action, message, line, column,
      ...(entryIndex !== undefined && { entryIndex }),
    });
  }

  /**
   * The value of `text`: a known server dialect is read as what it means, and `INVALID` is returned when
   * there is no unambiguous meaning (the caller then keeps the text raw, see keepRaw).
   */
  parse(type: CompiledSimple, text: string, attribute?: string): unknown {
    const value = parseSimple(type, text);
    if (value !== INVALID) {
      if (type.enumValues !== undefined) return this.enumValue(type, value as string, attribute);
      if (type.listItem?.enumValues !== undefined) {
        const items = value as string[];
        for (let i = 0; i < items.length; i++) items[i] = this.enumValue(type.listItem, items[i], attribute);
      }
      return value;
    }
    if (this.strict) this.fail(`${quoteForError(text)} is not a valid ${type.name}`);
    const dialect = readDialect(type, text);
    if (dialect !== INVALID) {
      this.report(type.name, text, 'normalized', `${quoteForError(text)} is not a valid ${type.name}: read as ${JSON.stringify(dialect)}`, attribute);
    }
    return dialect;
  }

  /** Keeps a value that could not be read in `owner.$invalid[prop]` (an array for a repeated element). */
  keepRaw(type: CompiledSimple, text: string, owner: Target, prop: string, attribute?: string, many = false): void {
    const invalid = (owner[INVALID_PROP] ??= {}) as Record<string, string | string[]>;
    if (many) ((invalid[prop] ??= []) as string[]).push(text);
    else invalid[prop] = text;
    this.reportRaw(type, text, `${INVALID_PROP}.${prop}`, attribute);
  }

  /** Keeps the value of a `$el` entry that could not be read in the entry's `$invalid.$value`. */
  keepRawEntryValue(type: CompiledSimple, text: string, entry: Target): void {
    entry[INVALID_PROP] = { [VALUE_PROP]: text };
    this.reportRaw(type, text, `${INVALID_PROP}.${VALUE_PROP}`);
  }

  /**
   * A known enumeration value comes back as the schema's own string, so that the one read from the
   * document dies young: a call() of 10,000 response messages otherwise keeps 20,000 copies of
   * `Success` and `NoError` alive through every scavenge. A newer server may send values this schema
   * does not list: read as sent, and reported.
   */
  private enumValue(type: CompiledSimple, value: string, attribute?: string): string {
    const known = canonicalValuesOf(type).get(value);
    if (known !== undefined) return known;
    this.report(type.name, value, 'kept', `${quoteForError(value)} is not a value of ${type.name} this schema knows (a newer server's?): kept as sent`, attribute);
    return value;
  }

  private reportRaw(type: CompiledSimple, text: string, keptIn: string, attribute?: string): void {
    this.report(type.name, text, 'raw', `${quoteForError(text)} is not a valid ${type.name}: kept as sent in ${keptIn}`, attribute);
  }
}
