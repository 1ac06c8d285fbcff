/**
 * The loopback Exchange: answers `POST /ews/<scenario>/<count>` with a canned Exchange 2013+ response
 * of that size, and `POST /ews/paging/<total>` with the page the request's IndexedPageItemView asks for.
 * `GET` of a scenario URL returns the same bytes (the parse-only cells fetch them once, untimed).
 *
 * Every request is checked against what the scenario must send (item count, escaping), after the
 * response went out so that the check costs the clients nothing; a client sending the wrong request
 * shows up in `violations` instead of looking fast. Request bodies are bounded, and the server
 * closes itself after a quiet period and never keeps the process alive.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SCENARIOS, type ScenarioName } from '../clients/bench-client';
import {
  createItemResponse, deleteItemResponse, findItemGroupedResponse, findItemPageResponse, getItemResponse,
} from '../fixtures/exchange-responses';

export interface CannedServerOptions {
  /** Larger request bodies are refused with 413. Default 128 MiB. */
  readonly maxRequestBytes?: number;
  /** Closes itself after this long without a request. Default 10 minutes. */
  readonly idleTimeoutMs?: number;
}

export interface CannedServer {
  readonly url: string;
  /** Builds a response ahead of time, so that no timed request waits for its generation. */
  prepare(scenario: ScenarioName, count: number): void;
  /** Requests that did not match their scenario, described; empty when every client behaved. */
  readonly violations: string[];
  close(): Promise<void>;
}

const RESPONSES: Record<ScenarioName, (count: number) => string> = {
  findItemGrouped: findItemGroupedResponse,
  getItem: getItemResponse,
  createItem: createItemResponse,
  deleteItem: deleteItemResponse,
};

/** What a correct request of each scenario contains, counted with a regular expression. */
const EXPECTED: Record<ScenarioName, ReadonlyArray<{ readonly what: string; readonly pattern: RegExp; readonly count: (n: number) => number }>> = {
  findItemGrouped: [{ what: 'GroupBy', pattern: /<(?:\w+:)?GroupBy\b/g, count: () => 1 }],
  getItem: [{ what: 'ItemId', pattern: /<(?:\w+:)?ItemId\b/g, count: (n) => n }],
  deleteItem: [{ what: 'ItemId', pattern: /<(?:\w+:)?ItemId\b/g, count: (n) => n }],
  createItem: [
    { what: 'CalendarItem', pattern: /<(?:\w+:)?CalendarItem\b/g, count: (n) => n },
    // XML needs `>` escaped only inside `]]>`: typed-ews writes it as is, other clients as `&gt;`; both are correct.
    { what: 'correctly escaped Subject', pattern: /R&amp;D &lt;draft \d(?:&gt;|>)</g, count: (n) => n },
  ],
};

const ROUTE = /^\/ews\/([A-Za-z]+)\/(\d+)$/;

export function startCannedServer(options: CannedServerOptions = {}): Promise<CannedServer> {
  const maxRequestBytes = options.maxRequestBytes ?? 128 * 1024 * 1024;
  const idleTimeoutMs = options.idleTimeoutMs ?? 10 * 60_000;
  const responses = new Map<string, Buffer>();
  const violations: string[] = [];

  const cannedResponse = (scenario: ScenarioName, count: number): Buffer => {
    const key = `${scenario}/${count}`;
    let bytes = responses.get(key);
    if (!bytes) responses.set(key, (bytes = Buffer.from(RESPONSES[scenario](count), 'utf8')));
    return bytes;
  };

  const server = http.createServer((request, response) => {
    idle.refresh();
    const route = ROUTE.exec(request.url ?? '');
    const name = route?.[1] ?? '';
    const count = Number(route?.[2]);
    const scenario = (SCENARIOS as readonly string[]).includes(name) ? (name as ScenarioName) : undefined;
    if (!route || (!scenario && name !== 'paging')) return refuse(response, 404, `no route ${request.url}`);
    if (request.method === 'GET' && scenario) return reply(response, cannedResponse(scenario, count));
    if (request.method !== 'POST') return refuse(response, 405, 'POST expected');
    readBody(request, maxRequestBytes).then((body) => {
      if (body === undefined) return refuse(response, 413, 'request too large');
      if (!scenario) return reply(response, Buffer.from(pageFor(body, count), 'utf8'));
      reply(response, cannedResponse(scenario, count));
      setImmediate(() => checkRequest(scenario, count, body, violations));
    }, (error: Error) => refuse(response, 400, error.message));
  });
  // A slow client (ews-javascript-api parsing 45 MB) may come back after Node's 5-second default and
  // find its keep-alive connection closed under it (EPIPE); IIS in front of Exchange waits 120 s.
  server.keepAliveTimeout = 120_000;
  const close = (): Promise<void> => new Promise((resolve) => {
    clearTimeout(idle);
    server.closeAllConnections();
    server.close(() => resolve());
  });
  // Keep-alive connections outlive requests: the idle timer closes them too.
  const idle = setTimeout(() => void close(), idleTimeoutMs).unref();

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        prepare: (scenario, count) => void cannedResponse(scenario, count),
        violations,
        close,
      });
    });
  });
}

function readBody(request: http.IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function reply(response: http.ServerResponse, body: Buffer): void {
  response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length });
  response.end(body);
}

function refuse(response: http.ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  response.end(message);
}

/** The page an IndexedPageItemView asks for (Offset, MaxEntriesReturned) of a folder of `total` messages. */
function pageFor(request: string, total: number): string {
  const offset = Number(/\bOffset="(\d+)"/.exec(request)?.[1] ?? 0);
  const pageSize = Number(/\bMaxEntriesReturned="(\d+)"/.exec(request)?.[1] ?? 1000);
  return findItemPageResponse(offset, pageSize, total);
}

function checkRequest(scenario: ScenarioName, count: number, body: string, violations: string[]): void {
  for (const { what, pattern, count: expected } of EXPECTED[scenario]) {
    const found = body.match(pattern)?.length ?? 0;
    if (found !== expected(count)) violations.push(`${scenario}/${count}: expected ${expected(count)} × ${what}, found ${found}`);
  }
}
