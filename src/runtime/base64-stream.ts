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

/** Where decoded bytes go when the sink copies them before write() returns: reused, never reallocated per piece. */
let scratch = Buffer.allocUnsafeSlow(0);

/** Memory for `bytes` decoded bytes: the scratch buffer (grown when too small), or a Buffer of their own. */
function target(bytes: number, reusable: boolean): Buffer {
  if (!reusable) return Buffer.allocUnsafe(bytes);
  if (scratch.length < bytes) scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 64 * 1024));
  return scratch;
}

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
   * The same for text still in bytes (ASCII: the caller checked it), decoded without joining it to the
   * held-over characters: the usual case of a streamed element. With `reusable`, the bytes returned are
   * valid only until the next call (for a sink that copies them at once): no allocation per piece.
   */
  pushAscii(bytes: Buffer, reusable = false): Buffer | undefined {
    return (this.padding === 0 && this.pushPlainAscii(bytes, reusable)) || this.pushChecked(bytes.toString('latin1'));
  }

  /** pushPlain for ASCII bytes: the held-over group is completed on its own, the rest decoded in place. */
  private pushPlainAscii(bytes: Buffer, reusable: boolean): Buffer | undefined {
    const held = this.held.length;
    const usable = held + bytes.length;
    const whole = usable - (usable % 4);
    // The characters held over for the next piece must be plain base64, as in pushPlain.
    for (let i = Math.max(whole - held, 0); i < bytes.length; i++) if (CLASS[bytes[i]] !== 1) return undefined;
    if (whole === 0) {
      this.held += bytes.toString('latin1');
      this.seen += bytes.length;
      return EMPTY;
    }
    const decoded = (whole / 4) * 3;
    const out = target(decoded, reusable);
    let written = 0;
    let from = 0;
    if (held > 0) {
      from = 4 - held;
      written = out.write(this.held + bytes.toString('latin1', 0, from), 0, 3, 'base64');
      if (written !== 3) return undefined;
    }
    const end = whole - held;
    if (end > from) written += out.write(bytes.toString('latin1', from, end), written, decoded - written, 'base64');
    // Node's decoder skips what is not base64 and stops at padding: fewer bytes than that means pushChecked must say why.
    if (written !== decoded) return undefined;
    this.held = end === bytes.length ? '' : bytes.toString('latin1', end);
    this.seen += bytes.length;
    return out.length === decoded ? out : out.subarray(0, decoded);
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
