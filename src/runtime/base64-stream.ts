/**
 * Base64 text in, bytes out, piece by piece: the text of an element arrives in pieces cut anywhere
 * (saxes' text events, HTTP chunks), so up to three characters are held over until the next piece
 * completes their group of four. Whitespace and line breaks anywhere are skipped (MIME wraps base64
 * at 76 characters); any other character outside the alphabet, or data after the padding, is an error
 * that names its offset, never a silently shortened result.
 */

/** The text of a base64 element is not valid base64. */
export class InvalidBase64Error extends Error {
  override readonly name = 'InvalidBase64Error';

  constructor(
    readonly reason: string,
    /** Characters of the element's text before the fault (whitespace included). */
    readonly offset: number,
  ) {
    super(`invalid base64 at character ${offset}: ${reason}`);
  }
}

/** 1: alphabet, 2: whitespace, 3: `=`; 0: anything else. */
const CLASS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') CLASS[c.charCodeAt(0)] = 1;
for (const c of ' \t\r\n') CLASS[c.charCodeAt(0)] = 2;
CLASS[61] = 3;
const EMPTY = Buffer.alloc(0);

export class Base64StreamDecoder {
  /** Characters (without whitespace) not yet decoded: fewer than four between calls. */
  private held = '';
  private seen = 0;
  /** `=` characters read; after the first, only `=` and whitespace may follow. */
  private padding = 0;

  /** Decodes what complete groups of four the text adds; throws InvalidBase64Error. */
  push(text: string): Buffer | undefined {
    return (this.padding === 0 && this.pushPlain(text)) || this.pushChecked(text);
  }

  /**
   * The usual case, at native speed: the whole groups decode to exactly three bytes per four characters,
   * which Node's decoder gives only when they hold nothing but base64 characters (it skips anything else).
   * Undefined when that is not so, or the held-over tail is not plain: then pushChecked says why.
   */
  private pushPlain(text: string): Buffer | undefined {
    const joined = this.held.length === 0 ? text : this.held + text;
    const whole = joined.length - (joined.length % 4);
    for (let i = whole; i < joined.length; i++) {
      const code = joined.charCodeAt(i);
      if (code >= 128 || CLASS[code] !== 1) return undefined;
    }
    if (whole === 0) {
      this.held = joined;
      this.seen += text.length;
      return EMPTY;
    }
    const bytes = Buffer.from(whole === joined.length ? joined : joined.slice(0, whole), 'base64');
    if (bytes.length !== (whole / 4) * 3) return undefined;
    this.held = joined.slice(whole);
    this.seen += text.length;
    return bytes;
  }

  private pushChecked(text: string): Buffer | undefined {
    const clean = this.clean(text);
    this.seen += text.length;
    const usable = this.held.length + clean.length;
    const whole = usable - (usable % 4);
    if (whole === 0) {
      this.held += clean;
      return undefined;
    }
    const joined = this.held + clean;
    this.held = joined.slice(whole);
    return Buffer.from(joined.slice(0, whole), 'base64');
  }

  /** The end of the text: what is held must be nothing, or a group that padding would complete. */
  end(): Buffer | undefined {
    const held = this.held;
    this.held = '';
    if (held.length === 0) return undefined;
    if (held.length === 1 || this.padding > 0) throw new InvalidBase64Error(`the text ends in an incomplete group of ${held.length} characters`, this.seen);
    // Unpadded base64 (RFC 4648 §3.2 allows omitting it) is read as if padded.
    return Buffer.from(held, 'base64');
  }

  /** The text without whitespace, checked character by character. */
  private clean(text: string): string {
    let kept = '';
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const kind = code < 128 ? CLASS[code] : 0;
      if (kind === 1) {
        if (this.padding > 0) throw new InvalidBase64Error('data after the padding', this.seen + i);
        continue;
      }
      if (kind === 0) throw new InvalidBase64Error(`${JSON.stringify(text[i])} is not a base64 character`, this.seen + i);
      if (kind === 3) {
        const position = (this.held.length + kept.length + (i - start)) % 4;
        if (position < 2 || ++this.padding > 2 || (this.padding === 2 && position !== 3)) throw new InvalidBase64Error('misplaced padding', this.seen + i);
        continue;
      }
      kept += text.slice(start, i);
      start = i + 1;
    }
    return start === 0 ? text : kept + text.slice(start);
  }
}
