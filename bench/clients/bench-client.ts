/** What the child process drives: one client, one scenario, one endpoint. */

export const SCENARIOS = ['findItemGrouped', 'getItem', 'createItem', 'deleteItem'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** The first is the floor every ratio is taken against; `saxes floor (xmlns)` is the same with saxes' namespace processing. */
export const CLIENTS = ['saxes floor', 'saxes floor (xmlns)', 'typed-ews', 'typed-ews stream', 'typed-ews ItemBatches', 'ews-javascript-api'] as const;
/**
 * Measured only when named in `--clients`: typed-ews streaming with its HTTP transport swapped for a
 * bare node:http one (bench/clients/node-http-transport.ts), which separates what axios costs from
 * what the reader and writer cost. Not a client of the package: typed-ews ships AxiosTransport.
 */
export const DIAGNOSTIC_CLIENTS = ['typed-ews stream over node:http'] as const;
export type ClientName = (typeof CLIENTS)[number] | (typeof DIAGNOSTIC_CLIENTS)[number];

/**
 * ItemBatches (src/batch) has no FindItem, and is measured at N ≤ 100 only: one default-sized chunk,
 * since the canned server answers every request with all N items, which a call chunked into several
 * requests would not expect.
 */
export const ITEM_BATCHES_MAX_COUNT = 100;

/** Whether a client has the scenario at this N (every client but ItemBatches has every one). */
export function measures(client: ClientName, scenario: ScenarioName, count: number): boolean {
  return client !== 'typed-ews ItemBatches' || (scenario !== 'findItemGrouped' && count <= ITEM_BATCHES_MAX_COUNT);
}

/**
 * Where requests go: the loopback server (`http`), or nowhere at all (`memory`: the response bytes
 * are handed to the client from memory, so only building and parsing are measured).
 */
export type Endpoint =
  | { readonly kind: 'http'; readonly url: string }
  | { readonly kind: 'memory'; readonly response: Buffer };

/** What a client saw in one call: checked against the scenario so that a client cannot skip work. */
export interface Outcome {
  /** Items (FindItem, GetItem, CreateItem) or response messages (DeleteItem). */
  readonly items: number;
  /** Response messages with ResponseClass="Error". */
  readonly errors: number;
}

/** One timed call. Everything it needs was prepared before the clock starts. */
export type TimedCall = () => Promise<Outcome>;

export interface BenchClient {
  /** Untimed: builds the inputs of `count` items and returns the call to time. */
  prepare(scenario: ScenarioName, count: number, endpoint: Endpoint): TimedCall;
  close(): void;
}

/** The response bytes in 64 KiB chunks, as a socket would deliver them. */
export function socketSizedChunks(bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += 65_536) chunks.push(bytes.subarray(offset, offset + 65_536));
  return chunks;
}
