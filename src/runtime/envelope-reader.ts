/** Reading a SOAP 1.1 response envelope: typed headers, the body element, or a fault. */
import type { XmlTag } from './xml-tag';
import type { SchemaSet } from '../schema/descriptors';
import { compileGlobalElement, rootSlot } from './compile';
import { SOAP_ENVELOPE_NS } from './namespaces';
import { StreamingReader, type ContainerHandler, type DocumentHandler, type ReaderContext, type ReadOptions } from './reader';
import { findGlobalElementKey } from './schema-index';
import { FaultCollector, type SoapFault } from './soap-fault';

export interface SoapEnvelopeContent {
  /** Header elements the schema knows, by global element key (`t:ServerVersionInfo`); others are skipped. */
  readonly headers: Record<string, unknown>;
  readonly body?: { readonly element: string; readonly value: unknown };
  readonly fault?: SoapFault;
}

export type XmlChunk = string | Uint8Array;

export function envelopeReader(schema: SchemaSet, options?: ReadOptions): StreamingReader<SoapEnvelopeContent> {
  return new StreamingReader(schema, new EnvelopeDocument(), options);
}

/** Reads an envelope from a whole document, from chunks, or (returning a Promise) from a stream such as an HTTP response. */
export function readEnvelope(schema: SchemaSet, source: AsyncIterable<XmlChunk>, options?: ReadOptions): Promise<SoapEnvelopeContent>;
export function readEnvelope(schema: SchemaSet, source: XmlChunk | Iterable<XmlChunk>, options?: ReadOptions): SoapEnvelopeContent;
export function readEnvelope(
  schema: SchemaSet, source: XmlChunk | Iterable<XmlChunk> | AsyncIterable<XmlChunk>, options?: ReadOptions,
): SoapEnvelopeContent | Promise<SoapEnvelopeContent> {
  const reader = envelopeReader(schema, options);
  if (typeof source === 'string' || source instanceof Uint8Array) {
    reader.write(source);
    return reader.end();
  }
  if (Symbol.asyncIterator in source) {
    return (async () => {
      for await (const chunk of source) reader.write(chunk);
      return reader.end();
    })();
  }
  for (const chunk of source) reader.write(chunk);
  return reader.end();
}

function isSoap(tag: XmlTag, local: string): boolean {
  return tag.uri === SOAP_ENVELOPE_NS && tag.local === local;
}

export class EnvelopeDocument implements DocumentHandler<SoapEnvelopeContent> {
  /** `onEnd` receives the content once the envelope's end tag is read (a stream of envelopes). */
  constructor(private readonly onEnd?: (content: SoapEnvelopeContent) => void) {}

  private readonly content: { headers: Record<string, unknown>; body?: SoapEnvelopeContent['body']; fault?: SoapFault } = { headers: {} };

  private readonly header: ContainerHandler = {
    child: (context, tag) => {
      const key = findGlobalElementKey(context.schema, tag.uri, tag.local);
      if (key === undefined) context.skip(tag);
      else context.typed(tag, rootSlot(compileGlobalElement(context.schema, key), key), this.content.headers);
    },
  };

  private readonly body: ContainerHandler = {
    child: (context, tag) => {
      if (isSoap(tag, 'Fault')) {
        const collector = new FaultCollector();
        context.capture(tag, collector, () => { this.content.fault = collector.result(); });
        return;
      }
      const key = findGlobalElementKey(context.schema, tag.uri, tag.local);
      if (key === undefined) return context.fail(`the body element ${tag.name} (${tag.uri}) is not a global element of the schema`);
      const body: { element: string; value?: unknown } = { element: key };
      this.content.body = body as SoapEnvelopeContent['body'];
      context.typed(tag, rootSlot(compileGlobalElement(context.schema, key), 'value'), body);
    },
  };

  private readonly envelope: ContainerHandler = {
    child: (context, tag) => {
      if (isSoap(tag, 'Header')) context.container(tag, this.header);
      else if (isSoap(tag, 'Body')) context.container(tag, this.body);
      else context.skip(tag);
    },
    end: () => this.onEnd?.(this.content),
  };

  child(context: ReaderContext, tag: XmlTag): void {
    if (!isSoap(tag, 'Envelope')) {
      context.fail(`expected soap:Envelope in namespace ${SOAP_ENVELOPE_NS}, found ${tag.name} in ${tag.uri === '' ? 'no namespace' : `namespace ${tag.uri}`}`);
    }
    context.container(tag, this.envelope);
  }

  result(): SoapEnvelopeContent {
    return this.content;
  }
}
