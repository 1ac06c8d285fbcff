/**
 * Real exchanges with gromox (test/fixtures/gromox, see its README): the recorded requests read back
 * into typed requests, and transports that answer with the recorded status, headers and body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { OperationName } from '../../generated/operations';
import type { Transport, TransportRequest, TransportResponse } from '../../src/client/transport';
import { readElement } from '../../src/runtime/documents';
import { ewsSchema } from '../../src/schema/ews-schema';
import { extractBodyElement } from './corpus';

const DIR = join(__dirname, '..', 'fixtures', 'gromox');

export interface RecordedAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** The response `name` (e.g. `02-CreateItem-3-calendar`) as the server sent it. */
export function recordedAnswer(name: string): RecordedAnswer {
  const [statusLine, ...lines] = readFileSync(join(DIR, 'responses', `${name}.hdr`), 'utf8').split(/\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)![1]), headers, body: readFileSync(join(DIR, 'responses', `${name}.xml`)) };
}

/** The recorded request `name` as the typed request of its operation. */
export function recordedRequest(name: string): { readonly operation: OperationName; readonly request: unknown } {
  const xml = readFileSync(join(DIR, 'requests', `${name}.xml`), 'utf8');
  const body = extractBodyElement(xml);
  const element = /^<(?:[\w-]+:)?([\w-]+)/.exec(body)![1];
  const schema = ewsSchema();
  const operation = (Object.keys(schema.operations) as OperationName[]).find((op) => schema.operations[op].request === `m:${element}`);
  if (!operation) throw new Error(`${name}: no operation takes m:${element}`);
  return { operation, request: readElement(schema, body, `m:${element}`) };
}

/** Answers each request with the next recorded answer, in order (the answers may be edited first). */
export class ReplayTransport implements Transport {
  readonly requests: TransportRequest[] = [];

  constructor(private readonly answers: readonly RecordedAnswer[]) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    const answer = this.answers[this.requests.length];
    this.requests.push(request);
    if (!answer) throw new Error(`request ${this.requests.length} has no recorded answer`);
    return { status: answer.status, headers: { ...answer.headers }, body: Readable.from([answer.body]), requestSent: true };
  }
}
