/**
 * What the reader tells about values it could read only forgivingly: the rule is "structure strict,
 * values forgiving" (README, "Reading real servers"). A value that does not fit its schema type never
 * fails a response; it is read for what it means, or kept raw in `$invalid`, and reported here.
 */

export type DiagnosticAction =
  /** A known server dialect, read as what it means (a midnight dateTime where a date belongs). */
  | 'normalized'
  /** Read as sent: an enumeration value this schema does not know (a newer server's). */
  | 'kept'
  /** No unambiguous meaning: the text is kept in the owner's `$invalid[prop]`, the property is absent. */
  | 'raw'
  /** Content with no place in the instance model (an element inside a simple value): only reported here. */
  | 'skipped';

export interface ReadDiagnostic {
  /**
   * Where, as qualified names from the root; entries of arrays carry their index (`m:GetItemResponseMessage[2]`)
   * and attributes end in `/@Name`.
   */
  readonly path: string;
  /** The schema type the value should have had (`xs:date`, `t:DayOfWeekType`…), or what belonged there. */
  readonly expectedType: string;
  /** The text as the server sent it (shortened past 200 characters). */
  readonly value: string;
  readonly action: DiagnosticAction;
  /** One sentence for people: what was wrong and what the reader did. */
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /**
   * Index of the entry of the outermost array on the path: in a batch response, the response message
   * (and so the input item) the diagnostic belongs to. Absent outside arrays.
   */
  readonly entryIndex?: number;
}

const MAX_VALUE_CHARS = 200;

export function shortenValue(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

/** One line per diagnostic, for error messages and logs. */
export function describeDiagnostics(diagnostics: readonly ReadDiagnostic[], max = 5): string {
  const shown = diagnostics.slice(0, max).map((d) => `${d.path}: ${d.message}`).join('; ');
  return diagnostics.length > max ? `${shown} (and ${diagnostics.length - max} more)` : shown;
}
