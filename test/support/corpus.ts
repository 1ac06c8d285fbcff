/**
 * The EWS doc examples in test/fixtures/ews-docs/ (copied from the shared corpus by
 * test/fixtures/import-ews-docs.js), and taking the body element out of an envelope.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { SaxesParser, SaxesTagNS } from 'saxes';

export const EWS_DOCS_DIR = path.join(__dirname, '..', 'fixtures', 'ews-docs');

/** One entry of test/fixtures/ews-docs/index.json. */
export interface CorpusFixture {
  /** Path relative to EWS_DOCS_DIR, `<Operation>/<request|response>-<slug>-<n>.xml`. */
  readonly file: string;
  /** Operation name (`GetItem`), or `Fault` for SOAP faults. */
  readonly operation: string;
  readonly kind: 'request' | 'response';
  /** Local name of the first child of soap:Body (`GetItem`, `GetItemResponse`, `Fault`). */
  readonly bodyElement: string;
  /** Count of response messages per ResponseClass (`{ Success: 1, Error: 1 }`). */
  readonly responseClasses: Readonly<Record<string, number>>;
  readonly responseCodes: readonly string[];
  /** Notable elements present (`GroupBy`, `Attachments`, `ServerVersionInfo`, ...). */
  readonly features: readonly string[];
  readonly sourceUrl: string;
  readonly serverVersionInfo: Readonly<Record<string, string>> | null;
}

let fixtures: readonly CorpusFixture[] | undefined;

/** Every fixture (read once), optionally only those of one operation and/or kind. */
export function listFixtures(filter: { operation?: string; kind?: CorpusFixture['kind'] } = {}): readonly CorpusFixture[] {
  fixtures ??= JSON.parse(readFileSync(path.join(EWS_DOCS_DIR, 'index.json'), 'utf8')) as CorpusFixture[];
  return fixtures.filter(
    (f) => (filter.operation === undefined || f.operation === filter.operation) && (filter.kind === undefined || f.kind === filter.kind),
  );
}

/** The envelope text of a fixture (by entry or by its `file`). */
export function loadFixture(fixture: CorpusFixture | string): string {
  const file = typeof fixture === 'string' ? fixture : fixture.file;
  return readFileSync(path.join(EWS_DOCS_DIR, file), 'utf8');
}

const SOAP_NAMESPACES = new Set(['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope']);

/**
 * The first child element of soap:Body as a standalone document: its text exactly as in the envelope,
 * with every namespace declaration in scope there (from Envelope and Body) copied onto its start tag,
 * so that it can be validated strictly as the document root.
 */
export function extractBodyElement(envelopeXml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  const open: SaxesTagNS[] = [];
  let bodyDepth = -1;
  let found: { start: number; end: number; name: string; inherited: Record<string, string> } | undefined;
  let start = -1;

  parser.on('opentag', (tag) => {
    open.push(tag);
    if (found || start >= 0) return;
    if (bodyDepth < 0 && tag.local === 'Body' && SOAP_NAMESPACES.has(tag.uri)) bodyDepth = open.length;
    else if (bodyDepth >= 0 && open.length === bodyDepth + 1) {
      // The start tag holds no '<' (not even in attribute values), so the last one before here opens it.
      start = envelopeXml.lastIndexOf('<', parser.position - 1);
    }
  });
  parser.on('closetag', (tag) => {
    if (start >= 0 && !found && open.length === bodyDepth + 1) {
      const inherited: Record<string, string> = {};
      for (const ancestor of open.slice(0, -1)) Object.assign(inherited, ancestor.ns);
      for (const prefix of Object.keys(tag.ns)) delete inherited[prefix];
      found = { start, end: parser.position, name: tag.name, inherited };
    }
    open.pop();
  });
  parser.write(envelopeXml).close();

  if (!found) throw new Error('No element inside soap:Body');
  const declarations = Object.entries(found.inherited)
    .map(([prefix, uri]) => ` ${prefix === '' ? 'xmlns' : `xmlns:${prefix}`}="${escapeAttribute(uri)}"`)
    .join('');
  const afterName = found.start + 1 + found.name.length;
  return envelopeXml.slice(found.start, afterName) + declarations + envelopeXml.slice(afterName, found.end);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
