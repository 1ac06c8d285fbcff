/**
 * Escaping of text and attribute values, exact enough that a reader gets back the very same string.
 *
 * Besides `&`, `<`, `>` and quotes, CR is escaped everywhere and TAB/LF inside attributes: a parser
 * normalises raw CR to LF and raw whitespace in attribute values to spaces, which would change the value.
 */

/**
 * Characters XML 1.0 does not allow at all: C0 controls other than TAB/LF/CR, U+FFFE/U+FFFF and
 * unpaired surrogates. They cannot be escaped either (`&#1;` is not well-formed in XML 1.0), so
 * writing them is refused rather than silently altering the caller's data.
 */
const NOT_XML_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TEXT_SPECIAL_ALL = /[&<>\r]/g;
const ATTRIBUTE_SPECIAL_ALL = /[&<>"'\t\n\r]/g;
/** One quick scan decides whether a value needs any work; most values are returned untouched. */
const TEXT_NEEDS_WORK = /[&<>\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTRIBUTE_NEEDS_WORK = /[&<>"'\t\n\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;',
};
const replace = (char: string): string => REPLACEMENTS[char];

/** Thrown for a character that XML 1.0 cannot carry; the writer adds the path. */
export class InvalidXmlCharacterError extends Error {
  constructor(value: string) {
    const match = NOT_XML_CHAR.exec(value);
    const code = match ? match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') : '?';
    super(`character U+${code} is not allowed in XML 1.0`);
  }
}

export function escapeText(value: string): string {
  if (!TEXT_NEEDS_WORK.test(value)) return value;
  if (NOT_XML_CHAR.test(value)) throw new InvalidXmlCharacterError(value);
  return value.replace(TEXT_SPECIAL_ALL, replace);
}

export function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_NEEDS_WORK.test(value)) return value;
  if (NOT_XML_CHAR.test(value)) throw new InvalidXmlCharacterError(value);
  return value.replace(ATTRIBUTE_SPECIAL_ALL, replace);
}
