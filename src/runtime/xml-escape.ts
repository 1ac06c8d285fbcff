/**
 * Escaping of text and attribute values, exact enough that a reader gets back the very same string.
 *
 * Besides `&`, `<` and quotes, CR is escaped everywhere and TAB/LF inside attributes: a parser
 * normalises raw CR to LF and raw whitespace in attribute values to spaces, which would change the value.
 *
 * `>` is written as itself (XML 1.0 §2.4 asks for `&gt;` only where it would close `]]>` in text): an
 * HTML body holds as many `>` as `<`, and every entity reference is work for the parser at the other end.
 * libxml2 parses the bench's 100-item CreateItem 21% faster with literal `>` (bench/RESULTS.md, issue 12).
 */

/**
 * Characters XML 1.0 does not allow at all: C0 controls other than TAB/LF/CR, U+FFFE/U+FFFF and
 * unpaired surrogates. They cannot be escaped either (`&#1;` is not well-formed in XML 1.0), so
 * writing them is refused rather than silently altering the caller's data.
 */
const NOT_XML_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * What a character below U+0040 needs, by code: 0 nothing, 1 escaping in text and attributes, 2 escaping
 * in attributes only (quotes, TAB, LF), 3 refused (not an XML character), 4 `>`: escaping in text where
 * it could end a `]]>`.
 */
const LOW_CLASS = new Uint8Array(0x40);
for (let code = 0; code < 0x20; code++) LOW_CLASS[code] = 3;
LOW_CLASS[0x09] = LOW_CLASS[0x0a] = 2;
LOW_CLASS[0x0d] = LOW_CLASS[0x26] = LOW_CLASS[0x3c] = 1;
LOW_CLASS[0x3e] = 4;
LOW_CLASS[0x22] = LOW_CLASS[0x27] = 2;

const ENTITIES: readonly string[] = (() => {
  const entities: string[] = [];
  entities[0x26] = '&amp;';
  entities[0x3c] = '&lt;';
  entities[0x3e] = '&gt;';
  entities[0x22] = '&quot;';
  entities[0x27] = '&apos;';
  entities[0x09] = '&#x9;';
  entities[0x0a] = '&#xA;';
  entities[0x0d] = '&#xD;';
  return entities;
})();

/** Thrown for a character that XML 1.0 cannot carry; the writer adds the path. */
export class InvalidXmlCharacterError extends Error {
  constructor(value: string) {
    const match = NOT_XML_CHAR.exec(value);
    const code = match ? match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') : '?';
    super(`character U+${code} is not allowed in XML 1.0`);
  }
}

/**
 * One quick scan decides whether a value needs any work; most values are returned untouched. In text, a
 * `>` needs it after `]]`, and within a value's first two characters, since the value written before it
 * may have ended in `]`.
 */
const TEXT_NEEDS_WORK = /[&<\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|\]\]>|^[^]?>/;
const ATTRIBUTE_NEEDS_WORK = /[&<"'\t\n\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeText(value: string): string {
  return TEXT_NEEDS_WORK.test(value) ? escape(value, 1) : value;
}

export function escapeAttribute(value: string): string {
  return ATTRIBUTE_NEEDS_WORK.test(value) ? escape(value, 2) : value;
}

/**
 * One pass over the characters, copying the runs between those that need an entity: a regular
 * expression replace with a callback cost a function call per `<` of an HTML body, the largest part
 * of writing a CreateItem of 10,000 appointments. `escapeUpTo` is the highest LOW_CLASS escaped
 * (1 in text, 2 in attributes). Only called for values the NEEDS_WORK scan caught: that regex scan is
 * faster than this loop over characters that need nothing (10,000 ItemIds: 7 ms against 12).
 */
function escape(value: string, escapeUpTo: number): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x40) {
      const kind = LOW_CLASS[code];
      if (kind === 4) {
        if (escapeUpTo === 2 || !(i < 2 || (value.charCodeAt(i - 1) === 0x5d && value.charCodeAt(i - 2) === 0x5d))) continue;
      } else if (kind === 0 || kind > escapeUpTo) {
        if (kind === 3) throw new InvalidXmlCharacterError(value);
        continue;
      }
      out += i > copied ? value.slice(copied, i) + ENTITIES[code] : ENTITIES[code];
      copied = i + 1;
    } else if (code >= 0xd800) {
      if (code < 0xdc00) {
        const next = value.charCodeAt(i + 1); // NaN past the end
        if (!(next >= 0xdc00 && next <= 0xdfff)) throw new InvalidXmlCharacterError(value);
        i++;
      } else if (code < 0xe000 || code >= 0xfffe) {
        throw new InvalidXmlCharacterError(value);
      }
    }
  }
  return copied === 0 ? value : copied === value.length ? out : out + value.slice(copied);
}
