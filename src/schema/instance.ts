/**
 * Helper types of the instance model (see descriptors.ts) that generated/ refers to.
 */

/** What every generated object may carry besides its schema properties: what a newer server sent. */
export interface Extensible {
  /** Elements the schema does not know, as raw XML, kept so re-writing loses nothing. */
  $unknown?: string[];
  /** Attributes the schema does not know, by qualified name. */
  $attributes?: Record<string, string>;
  /**
   * Values the server sent that fit neither their schema type nor a known dialect, as sent, by property
   * name (an array for a repeated element); the property itself is then absent. See the reader's diagnostics.
   */
  $invalid?: Record<string, string | string[]>;
}

/**
 * One entry of a compound field (or of an array wrapper with several alternatives) whose element has an
 * object type: that object, tagged with the element name so TypeScript narrows on `entry.$el`.
 */
export type Tagged<E extends string, T> = T & { $el: E };

/** An entry whose element has a simple or array type: the value is held in `$value`. */
export interface TaggedValue<E extends string, T> {
  $el: E;
  $value: T;
  /** `$value` as sent when it did not fit its type (`$value` is then absent). */
  $invalid?: { $value?: string };
}

/** One entry of xs:any content: a known global element read typed, or raw XML. */
export interface AnyEntry {
  /** Local name of the element. */
  $el: string;
  /** Namespace URI of the element. */
  $ns: string;
  /** Raw XML of an element read without a declaration (processContents skip, or unknown under lax). */
  $xml?: string;
  [property: string]: unknown;
}

/**
 * A date or date-time as requests accept it: a `Date` (written as its UTC instant, `…Z`) or the lexical
 * string (`2026-11-24T09:00:00+01:00`, `2026-11-24`) as given.
 */
export type DateInput = Date | string;
