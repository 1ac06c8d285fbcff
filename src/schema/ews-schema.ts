/**
 * The bundled EWS descriptors (generated/schema.ts), loaded on first use rather than on import: they
 * are the largest module of the package, and a program that only constructs a client (or uses a
 * regenerated schema of its own) should not pay for them at start-up.
 */
import type { SchemaSet } from './descriptors';

let loaded: SchemaSet | undefined;

export function ewsSchema(): SchemaSet {
  loaded ??= (require('../../generated/schema') as { schema: SchemaSet }).schema;
  return loaded;
}
