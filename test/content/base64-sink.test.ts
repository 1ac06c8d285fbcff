import { Base64StreamDecoder, InvalidBase64Error } from '../../src/runtime/base64-stream';
import type { BinarySink } from '../../src/runtime/binary-content';
import { envelopeReader } from '../../src/runtime/envelope-reader';
import { ewsSchema } from '../../src/schema/ews-schema';

function decodeInPieces(text: string, cuts: readonly number[]): Buffer {
  const decoder = new Base64StreamDecoder();
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const bytes = decoder.push(text.slice(from, cut));
    if (bytes) parts.push(bytes);
    from = cut;
  }
  const rest = decoder.end();
  if (rest) parts.push(rest);
  return Buffer.concat(parts);
}

function decodeError(...pieces: string[]): unknown {
  const decoder = new Base64StreamDecoder();
  try {
    for (const piece of pieces) decoder.push(piece);
    decoder.end();
  } catch (error) {
    return error;
  }
  return undefined;
}

const PAYLOADS = [0, 1, 2, 3, 4, 5, 11, 47].map((length) => Buffer.from(Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff)));

describe('Base64StreamDecoder', () => {
  test('gives the same bytes however the text is cut in two, for payloads that end in no, one or two padding characters', () => {
    for (const payload of PAYLOADS) {
      const text = payload.toString('base64');
      for (let cut = 0; cut <= text.length; cut++) expect(decodeInPieces(text, [cut])).toEqual(payload);
    }
  });

  test('gives the same bytes cut into three at every pair of positions', () => {
    const payload = PAYLOADS[6];
    const text = payload.toString('base64');
    for (let a = 0; a <= text.length; a++) for (let b = a; b <= text.length; b++) expect(decodeInPieces(text, [a, b])).toEqual(payload);
  });

  test('skips spaces, tabs and line breaks anywhere, as MIME wraps base64 at 76 characters', () => {
    const payload = PAYLOADS[7];
    const wrapped = `\n  ${payload.toString('base64').replace(/(.{5})/g, '$1\r\n\t')} \n`;
    for (let cut = 0; cut <= wrapped.length; cut++) expect(decodeInPieces(wrapped, [cut])).toEqual(payload);
  });

  test('reads unpadded base64 as if padded', () => {
    expect(decodeInPieces('AQI', [])).toEqual(Buffer.from([1, 2]));
    expect(decodeInPieces('AQ', [1])).toEqual(Buffer.from([1]));
  });

  test('refuses a character outside the alphabet, naming its offset', () => {
    const error = decodeError('AAAA', 'AA*A');
    expect(error).toBeInstanceOf(InvalidBase64Error);
    expect(error).toMatchObject({ offset: 6 });
  });

  test('refuses misplaced padding and data after the padding', () => {
    for (const pieces of [['A==='], ['=AAA'], ['AB=C'], ['AB==', 'CD=='], ['AB=', '=C'], ['ABC=', '='], ['A']]) {
      expect(decodeError(...pieces)).toBeInstanceOf(InvalidBase64Error);
    }
  });
});

const NS = 'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"';

function exportResponse(data: readonly string[]): string {
  const messages = data.map((text, i) => `<m:ExportItemsResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:ItemId Id="item-${i}" ChangeKey="ck"/><m:Data>${text}</m:Data></m:ExportItemsResponseMessage>`);
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope ${NS}><soap:Body><m:ExportItemsResponse><m:ResponseMessages>${messages.join('')}</m:ResponseMessages></m:ExportItemsResponse></soap:Body></soap:Envelope>`;
}

interface Collected {
  readonly itemId: string | undefined;
  readonly entryIndex: number | undefined;
  readonly chunks: Buffer[];
  ended: boolean;
  failure?: Error;
}

/** Reads `xml`, cut at `cuts`: string offsets, or byte offsets of its UTF-8 form when `asBytes`. */
function readStreaming(xml: string, cuts: readonly number[], asBytes = false) {
  const collected: Collected[] = [];
  const reader = envelopeReader(ewsSchema(), {
    binaryContent: {
      elements: ['m:Data'],
      open: ({ owner, entryIndex }): BinarySink => {
        const entry: Collected = { itemId: (owner as { ItemId?: { Id: string } }).ItemId?.Id, entryIndex, chunks: [], ended: false };
        collected.push(entry);
        return { write: (bytes) => entry.chunks.push(bytes), end: () => { entry.ended = true; }, fail: (error) => { entry.failure = error; } };
      },
    },
  });
  const source = asBytes ? Buffer.from(xml, 'utf8') : xml;
  let from = 0;
  for (const cut of [...cuts, source.length]) {
    reader.write(source.slice(from, cut));
    from = cut;
  }
  return { content: reader.end(), collected, diagnostics: reader.diagnostics };
}

describe('the reader hands a streamed base64 element to its sink', () => {
  const payloads = [PAYLOADS[7], PAYLOADS[2]];
  const xml = exportResponse(payloads.map((payload) => payload.toString('base64')));

  test('at every split position of the document: the same bytes, the owner identified, no Data string kept', () => {
    for (let cut = 0; cut <= xml.length; cut++) {
      const { content, collected } = readStreaming(xml, [cut]);
      expect(collected.map((entry) => [entry.itemId, entry.entryIndex, entry.ended, Buffer.concat(entry.chunks)])).toEqual([
        ['item-0', 0, true, payloads[0]], ['item-1', 1, true, payloads[1]],
      ]);
      const messages = (content.body!.value as { ResponseMessages: Record<string, unknown>[] }).ResponseMessages;
      expect(messages.map((message) => [message.ItemId, message.Data])).toEqual([[{ Id: 'item-0', ChangeKey: 'ck' }, undefined], [{ Id: 'item-1', ChangeKey: 'ck' }, undefined]]);
    }
  });

  test('fed as bytes cut at every position, around characters of two, three and four bytes: the same bytes and the same text', () => {
    const changeKey = 'é€😀';
    const document = exportResponse(payloads.map((payload) => payload.toString('base64'))).replace(/ChangeKey="ck"/g, `ChangeKey="${changeKey}"`);
    for (let cut = 0; cut <= Buffer.byteLength(document); cut++) {
      const { content, collected } = readStreaming(document, [cut], true);
      expect(collected.map((entry) => [entry.entryIndex, entry.ended, Buffer.concat(entry.chunks)])).toEqual([[0, true, payloads[0]], [1, true, payloads[1]]]);
      const messages = (content.body!.value as { ResponseMessages: { ItemId: { ChangeKey: string } }[] }).ResponseMessages;
      expect(messages.map((message) => message.ItemId.ChangeKey)).toEqual([changeKey, changeKey]);
    }
  });

  test('fed as bytes: an entity inside the base64 text is read as its character, a non-ASCII character fails the sink by name', () => {
    const encoded = PAYLOADS[7].toString('base64');
    const withEntity = exportResponse([`${encoded.slice(0, 8)}&#${encoded.charCodeAt(8)};${encoded.slice(9)}`]);
    const at = Buffer.from(withEntity).indexOf('<m:Data>') + 8;
    for (const cut of [at, at + 4, at + 8, at + 10]) expect(Buffer.concat(readStreaming(withEntity, [cut], true).collected[0].chunks)).toEqual(PAYLOADS[7]);
    const { collected } = readStreaming(exportResponse(['AAAAé', PAYLOADS[3].toString('base64')]), [at + 2], true);
    expect(collected[0].failure).toBeInstanceOf(InvalidBase64Error);
    expect(collected[0].failure!.message).toContain('"é" is not a base64 character');
    expect(Buffer.concat(collected[1].chunks)).toEqual(PAYLOADS[3]);
  });

  test('a large element arrives in many chunks, none of them the whole content', () => {
    const large = Buffer.alloc(3 * 1024 * 1024, 7);
    const document = exportResponse([large.toString('base64')]);
    const cuts = Array.from({ length: Math.floor(document.length / 65536) }, (_, k) => (k + 1) * 65536);
    const { collected } = readStreaming(document, cuts);
    expect(collected).toHaveLength(1);
    expect(collected[0].chunks.length).toBeGreaterThan(40);
    expect(Math.max(...collected[0].chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(65536);
    expect(Buffer.concat(collected[0].chunks).equals(large)).toBe(true);
  });

  test('invalid base64 fails that sink with InvalidBase64Error; the rest of the response is read', () => {
    const { content, collected } = readStreaming(exportResponse(['AAAA*AAA', PAYLOADS[3].toString('base64')]), [13]);
    expect(collected[0].failure).toBeInstanceOf(InvalidBase64Error);
    expect(collected[0].ended).toBe(false);
    expect(Buffer.concat(collected[1].chunks)).toEqual(PAYLOADS[3]);
    expect((content.body!.value as { ResponseMessages: unknown[] }).ResponseMessages).toHaveLength(2);
  });

  test('a document that stops inside the element fails its sink and throws XmlReadError', () => {
    const whole = exportResponse([PAYLOADS[7].toString('base64')]);
    const truncated = whole.slice(0, whole.indexOf('<m:Data>') + 20);
    let failure: Error | undefined;
    const reader = envelopeReader(ewsSchema(), {
      binaryContent: { elements: ['m:Data'], open: () => ({ write: () => undefined, end: () => undefined, fail: (error) => { failure = error; } }) },
    });
    reader.write(truncated);
    expect(() => reader.end()).toThrow(/unclosed tag/);
    expect(failure).toBeDefined();
  });
});
