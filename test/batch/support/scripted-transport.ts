/**
 * An in-process Transport for batch tests: each request is parsed back into its typed body with the
 * project's reader, and answered by a script (XML, a status with headers, or a thrown error). It also
 * tracks how many requests are in flight at once.
 */
import { Readable } from 'node:stream';
import { schema } from '../../../generated/schema';
import type { Transport, TransportRequest, TransportResponse } from '../../../src/client/transport';
import { readElement } from '../../../src/runtime/documents';
import { extractBodyElement } from '../../support/corpus';

export interface SentRequest {
  /** The operation, from the SOAPAction (`CreateItem`). */
  readonly operation: string;
  /** The request body as the typed instance (`{ Items: [...] }`). */
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly envelope: string;
}

export type Reply = string | { readonly status: number; readonly headers?: Record<string, string>; readonly body: string } | Error;

export function parseRequest(envelope: string, soapAction: string | undefined): SentRequest {
  const operation = (soapAction ?? '').replace(/"/g, '').split('/').pop() ?? '';
  return { operation, body: readElement(schema, extractBodyElement(envelope), `m:${operation}`), envelope };
}

export class ScriptedTransport implements Transport {
  readonly sent: SentRequest[] = [];
  private inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly script: (request: SentRequest, index: number) => Reply | Promise<Reply>) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    const parsed = parseRequest(String(request.body), request.soapAction);
    const index = this.sent.push(parsed) - 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      // Let other requests start before this one is answered, as a network would.
      await new Promise((resolve) => setImmediate(resolve));
      const reply = await this.script(parsed, index);
      if (reply instanceof Error) throw reply;
      const { status, headers, body } = typeof reply === 'string' ? { status: 200, headers: {}, body: reply } : reply;
      return {
        status,
        headers: { 'content-type': 'text/xml; charset=utf-8', ...headers },
        body: Readable.from([Buffer.from(body)]),
        requestSent: true,
      };
    } finally {
      this.inFlight -= 1;
    }
  }

  /** The requests of one operation. */
  of(operation: string): SentRequest[] {
    return this.sent.filter((r) => r.operation === operation);
  }
}
