/**
 * An ErrorSchemaValidation fault from a server (Exchange or the simulator) says where the request broke
 * the schema by LineNumber and LinePosition. The client writes the same request again with a trace
 * (only then, so a successful call pays nothing) and names the property of the caller's object that
 * wrote the element there.
 */
import type { SchemaSet } from '../schema/descriptors';
import { writeEnvelope, type EnvelopeToWrite } from '../runtime/writer';
import { ElementTrace } from './object-paths';

/** `Items[2].Start`, or the request element's name (`GetItem`) for its own content; undefined when nothing is there. */
export function objectPathAtPosition(schema: SchemaSet, envelope: EnvelopeToWrite, line: number, column: number): string | undefined {
  const trace = new ElementTrace();
  const xml = writeEnvelope(schema, envelope, { trace });
  let lineStart = 0;
  for (let current = 1; current < line; current++) {
    const newline = xml.indexOf('\n', lineStart);
    if (newline < 0) return undefined;
    lineStart = newline + 1;
  }
  const element = trace.elementAt(lineStart + column - 1);
  if (!element) return undefined;
  return element.objectPath === '' ? element.qname.replace(/^\w+:/, '') : element.objectPath;
}
