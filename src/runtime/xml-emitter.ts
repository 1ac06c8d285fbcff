import { StreamedBody, type BinarySource } from './binary-source';
import { escapeAttribute, escapeText } from './xml-escape';

/** Flush size of the current chunk, in characters. */
const CHUNK_LENGTH = 16384;

/**
 * Builds XML text by appending to a chunk of about 16 KiB that is set aside when full, then joining
 * the chunks once. Appending to one big string would keep a rope node per piece alive to the end (the
 * garbage collector then took 70% of the time); one array entry per piece made the final join the
 * bottleneck. This is twice as fast as either.
 *
 * With `utf8`, each full chunk is encoded at once and the result is one Buffer: the text of a large
 * request then dies young instead of surviving (and being copied by) every scavenge until the join,
 * and no multi-megabyte string is made only to be encoded again for the socket.
 *
 * A start tag is left open until its first child or text arrives, so that an element without
 * content is self-closed (`<t:FieldURI FieldURI="…"/>`).
 */
export class XmlEmitter {
  private readonly chunks: string[] = [];
  private readonly encodedChunks: (Buffer | BinarySource)[] = [];
  private streamed = false;
  private current: string;
  private startTagOpen = false;
  /** Characters already set aside in full chunks. */
  private flushedLength = 0;

  constructor(prolog = '', private readonly utf8 = false) {
    this.current = prolog;
  }

  startElement(qname: string): void {
    this.closeStartTag();
    this.current += `<${qname}`;
    this.startTagOpen = true;
  }

  /** Adds an attribute to the open start tag; the value is escaped here. */
  attribute(qname: string, value: string): void {
    this.current += ` ${qname}="${escapeAttribute(value)}"`;
  }

  /** Adds pre-built, already escaped attribute text (namespace declarations) to the open start tag. */
  rawAttributes(text: string): void {
    this.current += text;
  }

  text(value: string): void {
    if (value === '') return;
    this.closeStartTag();
    this.append(escapeText(value));
  }

  /** Base64 content read from a source while the body is sent (utf8 emitters only; see toBody). */
  binary(source: BinarySource): void {
    if (!this.utf8) throw new Error('XmlEmitter: streamed base64 content needs an emitter that encodes as it goes');
    this.closeStartTag();
    this.flushedLength += this.current.length;
    this.encodedChunks.push(Buffer.from(this.current, 'utf8'), source);
    this.current = '';
    this.streamed = true;
  }

  /** Appends well-formed XML verbatim (`$unknown`, raw wildcard content). */
  raw(xml: string): void {
    this.closeStartTag();
    this.append(xml);
  }

  endElement(qname: string): void {
    if (this.startTagOpen) {
      this.current += '/>';
      this.startTagOpen = false;
    } else {
      this.append(`</${qname}>`);
    }
  }

  /** Where, in characters from the start, the `<` of the next start tag will be. */
  get nextTagOffset(): number {
    return this.flushedLength + this.current.length + (this.startTagOpen ? 1 : 0);
  }

  toString(): string {
    if (this.utf8) throw new Error('XmlEmitter: this emitter encodes as it goes; call toBuffer()');
    return this.chunks.length === 0 ? this.current : this.chunks.join('') + this.current;
  }

  toBuffer(): Buffer {
    const body = this.toBody();
    if (body instanceof StreamedBody) throw new Error('XmlEmitter: the document holds streamed content; call toBody()');
    return body;
  }

  /** The bytes, or, when the document holds streamed base64 content, the parts to send in order. */
  toBody(): Buffer | StreamedBody {
    if (!this.utf8) throw new Error('XmlEmitter: this emitter builds text; call toString()');
    this.encodedChunks.push(Buffer.from(this.current, 'utf8'));
    this.current = '';
    if (!this.streamed) return Buffer.concat(this.encodedChunks as Buffer[]);
    // Neighbouring byte chunks joined: a body is then a few large writes, not thousands of 16 KiB ones.
    const parts: (Buffer | BinarySource)[] = [];
    let bytes: Buffer[] = [];
    for (const chunk of this.encodedChunks) {
      if (Buffer.isBuffer(chunk)) bytes.push(chunk);
      else {
        parts.push(Buffer.concat(bytes), chunk);
        bytes = [];
      }
    }
    parts.push(Buffer.concat(bytes));
    return new StreamedBody(parts);
  }

  private append(text: string): void {
    this.current += text;
    if (this.current.length < CHUNK_LENGTH) return;
    this.flushedLength += this.current.length;
    if (this.utf8) {
      this.encodedChunks.push(Buffer.from(this.current, 'utf8'));
    } else {
      // Reading a character makes V8 flatten the rope now, while its pieces are still young garbage.
      this.current.charCodeAt(0);
      this.chunks.push(this.current);
    }
    this.current = '';
  }

  private closeStartTag(): void {
    if (this.startTagOpen) {
      this.current += '>';
      this.startTagOpen = false;
    }
  }
}
