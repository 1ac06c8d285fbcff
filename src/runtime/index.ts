/** The runtime: one generic writer and one generic streaming reader, driven by a SchemaSet. */
export { compileType, compileSimple, compileGlobalElement } from './compile';
export type { CompiledType, CompiledSimple, CompiledElement, CompiledField, ChildSlot } from './compile';
export { XmlReadError, XmlWriteError } from './errors';
export { writeElement, writeEnvelope, writeValueAs } from './writer';
export type { WriteOptions, EnvelopePart, EnvelopeToWrite } from './writer';
export { StreamingReader } from './reader';
export type { ReadOptions } from './reader';
export { elementReader, typeReader, readElement, readValueAs } from './documents';
export type { ReadElementResult } from './documents';
export { envelopeReader, readEnvelope } from './envelope-reader';
export type { SoapEnvelopeContent, XmlChunk } from './envelope-reader';
export { EnvelopeStreamReader, readEnvelopeStream } from './envelope-stream';
export type { EnvelopeStreamOptions } from './envelope-stream';
export type { SoapFault, SoapFaultDetail } from './soap-fault';
export * as namespaces from './namespaces';
