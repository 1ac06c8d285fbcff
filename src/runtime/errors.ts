/** A document could not be read: malformed, unsafe, too large, or not what the schema describes. */
export class XmlReadError extends Error {
  override readonly name = 'XmlReadError';

  constructor(
    /** What went wrong, without the location. */
    readonly reason: string,
    /** Qualified names from the root to the element being read, e.g. `/soap:Envelope/soap:Body/m:GetItemResponse`. */
    readonly path: string,
    /** 1-based line of the parser position when the error was found. */
    readonly line: number,
    /** 1-based column of the parser position when the error was found. */
    readonly column: number,
    options?: { cause?: unknown },
  ) {
    super(`${reason} at ${path || '/'} (line ${line}, column ${column})`, options);
  }
}

/** A value could not be written as the schema describes it (wrong JS type, unknown `$el`, invalid character). */
export class XmlWriteError extends Error {
  override readonly name = 'XmlWriteError';

  constructor(
    readonly reason: string,
    /** Qualified names from the root to the element being written. */
    readonly path: string,
  ) {
    super(`${reason} at ${path || '/'}`);
  }
}

/** Quotes a value for an error message, shortened: errors must not carry whole documents around. */
export function quoteForError(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
