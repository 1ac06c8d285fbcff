/**
 * Item and attachment content as streams. GetItem's t:MimeContent and GetAttachment's t:Content are
 * read by the reader straight into one Readable per item or attachment, decoded as they arrive, so a
 * 30 MB message is never a 40 MB string; CreateAttachment takes its content from a Buffer, a Readable
 * or a file, encoded while the request is sent.
 *
 * Read each stream to its end (or destroy it): the response is read no faster than the stream that is
 * being filled is consumed, so a stream left unread holds the ones after it.
 */
import { createReadStream, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import type * as t from '../../generated/types';
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import type { ResponseMessage } from '../client/response-messages';
import type { BinarySource } from '../runtime/binary-source';
import { ReadableSink } from './readable-sink';
import { CallSinks } from './sinks';

/** One requested item's or attachment's content, by its position among the ids asked for. */
export type ContentStream =
  | {
    readonly index: number; readonly ok: true; readonly stream: Readable;
    /** MIME content's CharacterSet attribute (the charset the server converted the message to), when it sent one. */
    readonly characterSet?: string;
  }
  | { readonly index: number; readonly ok: false; readonly errorCode: string; readonly message: string };

/**
 * The MIME content (RFC 5322) of each item, GetItem with IncludeMimeContent, as one Readable per item,
 * yielded as soon as its content starts to arrive. Items the server could not return come after the
 * streams, as failed entries with their index.
 */
export function mimeContentStreams(client: ExchangeClient, itemIds: readonly t.ItemIdType[], options: CallOptions = {}): AsyncGenerator<ContentStream, void, undefined> {
  const ItemIds = itemIds.map((id) => ({ $el: 'ItemId' as const, ...id }));
  return contentStreams(client, options, 't:MimeContent', (call) => client.call('GetItem', { ItemShape: { BaseShape: 'IdOnly', IncludeMimeContent: true }, ItemIds }, call));
}

/** The content of each file attachment (GetAttachment), as one Readable per attachment; see mimeContentStreams. */
export function attachmentContentStreams(client: ExchangeClient, attachmentIds: readonly string[], options: CallOptions = {}): AsyncGenerator<ContentStream, void, undefined> {
  const AttachmentIds = attachmentIds.map((Id) => ({ Id }));
  return contentStreams(client, options, 't:Content', (call) => client.call('GetAttachment', { AttachmentIds }, call));
}

export interface FileAttachmentSource {
  readonly name: string;
  /** A Buffer, a Readable (sent once), or a BinarySource such as `await fileSource(path)` (can be resent, has a length). */
  readonly content: Buffer | Readable | BinarySource;
  readonly contentType?: string;
  readonly contentId?: string;
  readonly isInline?: boolean;
}

/**
 * Adds a file attachment to an item with CreateAttachment, its content encoded to base64 while the
 * request is sent. The answer's response message carries the new AttachmentId (with RootItemId and
 * RootItemChangeKey), or the server's error.
 */
export async function createFileAttachment(
  client: ExchangeClient, parentItemId: t.ItemIdType, attachment: FileAttachmentSource, options: CallOptions = {},
): Promise<ResponseMessage> {
  const entry = {
    $el: 'FileAttachment' as const, Name: attachment.name,
    ...(attachment.contentType !== undefined && { ContentType: attachment.contentType }),
    ...(attachment.contentId !== undefined && { ContentId: attachment.contentId }),
    ...(attachment.isInline !== undefined && { IsInline: attachment.isInline }),
    // The writer streams a Readable or BinarySource for an xs:base64Binary element (binary-source.ts).
    Content: attachment.content as unknown as string,
  };
  const result = await client.call('CreateAttachment', { ParentItemId: parentItemId, Attachments: [entry] }, options);
  return result.responseMessages[0];
}

/** A file as base64 content: opened when the request is sent (again, if it must be resent), its size known up front. */
export async function fileSource(file: string): Promise<BinarySource> {
  const { size } = await fs.stat(file);
  return { size, open: () => createReadStream(file) };
}

/**
 * Runs the call with a Readable per streamed element and yields them as they open; when the call ends,
 * its error answers. Leaving the loop early aborts the call and destroys the streams not yet ended.
 */
async function* contentStreams(
  client: ExchangeClient, options: CallOptions, element: string,
  send: (call: CallOptions) => Promise<{ responseMessages: ResponseMessage[] }>,
): AsyncGenerator<ContentStream, void, undefined> {
  const ready: ContentStream[] = [];
  const opened = new Set<number>();
  let wake: (() => void) | undefined;
  const notify = () => { wake?.(); wake = undefined; };
  const sinks = new CallSinks([element], ({ entryIndex, attributes }) => {
    const sink = new ReadableSink();
    const index = entryIndex ?? 0;
    opened.add(index);
    const characterSet = attributes.CharacterSet;
    ready.push({ index, ok: true, stream: sink.stream, ...(characterSet !== undefined && { characterSet }) });
    notify();
    return sink;
  });
  const abort = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, abort.signal]) : abort.signal;
  let finished = false;
  let failure: unknown;
  void send({ ...options, signal, binaryContent: sinks.options() }).then((result) => {
    result.responseMessages.forEach((message, index) => {
      if (opened.has(index)) return;
      const errorCode = message.responseClass === 'Error' ? message.responseCode : 'ErrorMissingContent';
      ready.push({ index, ok: false, errorCode, message: message.messageText ?? (message.responseClass === 'Error' ? message.responseCode : 'the answer has no content') });
    });
  }, (error: unknown) => {
    failure = error;
    sinks.failOpen(error);
  }).finally(() => {
    finished = true;
    notify();
  });
  try {
    while (true) {
      if (ready.length > 0) yield ready.shift()!;
      else if (finished) break;
      else await new Promise<void>((resolve) => { wake = resolve; });
    }
    if (failure !== undefined) throw failure;
  } finally {
    if (!finished) {
      abort.abort();
      sinks.failOpen(new Error('the content stream was left before the answer was read'));
    }
  }
}
