/**
 * The floor: the least any client must do. It sends request bytes built before the clock starts
 * (plain node:http, keep-alive) and reads the response with bare saxes, without namespace processing
 * (`new SaxesParser()`), counting what the scenario asks by local name: items, groups (legacy `t:Group`
 * too, `xsi:nil` ones not), and response messages with ResponseClass="Error".
 *
 * The second reference row, `saxes floor (xmlns)`, does the same with saxes' namespace processing on
 * (`xmlns: true`), which resolves every tag's and attribute's prefix: what the floor was before issue 20.
 */
import http from 'node:http';
import { SaxesParser } from 'saxes';
import { appointments, itemIds, ITEMS_PER_GROUP } from '../fixtures/workload';
import { createItemEnvelope, deleteItemEnvelope, findItemGroupedEnvelope, getItemEnvelope } from '../requests/string-template';
import { socketSizedChunks, type BenchClient, type Endpoint, type Outcome, type ScenarioName, type TimedCall } from './bench-client';

export function saxesFloorClient(options: { xmlns?: boolean } = {}): BenchClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const xmlns = options.xmlns === true;
  return {
    prepare(scenario: ScenarioName, count: number, endpoint: Endpoint): TimedCall {
      const request = Buffer.from(requestFor(scenario, count), 'utf8');
      if (endpoint.kind === 'memory') {
        const chunks = socketSizedChunks(endpoint.response);
        return async () => countChunks(scenario, count, xmlns, chunks);
      }
      return () => post(endpoint.url, request, agent, () => outcomeCounter(scenario, count, xmlns));
    },
    close: () => agent.destroy(),
  };
}

function requestFor(scenario: ScenarioName, count: number): string {
  switch (scenario) {
    case 'findItemGrouped': return findItemGroupedEnvelope(count);
    case 'getItem': return getItemEnvelope(itemIds(count));
    case 'createItem': return createItemEnvelope(appointments(count));
    case 'deleteItem': return deleteItemEnvelope(itemIds(count));
  }
}

/** The element that is one item of the scenario's answer (DeleteItem: its response message). */
const ITEM_ELEMENT: Record<ScenarioName, string> = {
  findItemGrouped: 'Message',
  getItem: 'CalendarItem',
  createItem: 'CalendarItem',
  deleteItem: 'DeleteItemResponseMessage',
};

interface Counter {
  readonly parser: { write(text: string): unknown; close(): unknown };
  outcome(): Outcome;
}

type Attributes = Record<string, string | { value: string }>;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Whether any attribute named `…:nil` (or `nil`) is true: the prefix of xsi is the document's choice. */
function isNil(attributes: Attributes): boolean {
  for (const name in attributes) {
    if (localName(name) !== 'nil') continue;
    const value = attributes[name];
    const text = typeof value === 'string' ? value : value.value;
    if (text.trim() === 'true' || text.trim() === '1') return true;
  }
  return false;
}

/**
 * Counts items, groups and error messages by local name. FindItem's items count only once a group
 * was seen, as the clients' own check does; nothing else about the answer is read.
 */
function outcomeCounter(scenario: ScenarioName, count: number, xmlns: boolean): Counter {
  const itemElement = ITEM_ELEMENT[scenario];
  let items = 0;
  let groups = 0;
  let errors = 0;
  const onTag = (local: string, attributes: Attributes): void => {
    if (local === itemElement) items++;
    if (local === 'GroupedItems' || local === 'Group') {
      if (!isNil(attributes)) groups++;
    } else if (local.endsWith('ResponseMessage')) {
      const responseClass = attributes.ResponseClass;
      if ((typeof responseClass === 'string' ? responseClass : responseClass?.value) === 'Error') errors++;
    }
  };
  const outcome = (): Outcome => {
    const grouped = scenario !== 'findItemGrouped' || groups === Math.ceil(count / ITEMS_PER_GROUP);
    return { items: grouped ? items : 0, errors };
  };
  if (xmlns) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (tag) => onTag(tag.local, tag.attributes as Attributes));
    return { parser, outcome };
  }
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => onTag(localName(tag.name), tag.attributes as Attributes));
  return { parser, outcome };
}

function countChunks(scenario: ScenarioName, count: number, xmlns: boolean, chunks: readonly Buffer[]): Outcome {
  const counter = outcomeCounter(scenario, count, xmlns);
  const decoder = new TextDecoder('utf-8');
  for (const chunk of chunks) counter.parser.write(decoder.decode(chunk, { stream: true }));
  counter.parser.close();
  return counter.outcome();
}

function post(url: string, body: Buffer, agent: http.Agent, newCounter: () => Counter): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length },
    }, (response) => {
      const counter = newCounter();
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        try {
          counter.parser.write(text);
        } catch (error) {
          response.destroy(error as Error);
        }
      });
      response.on('end', () => {
        try {
          counter.parser.close();
          resolve(counter.outcome());
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
