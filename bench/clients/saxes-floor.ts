/**
 * The floor: the least any client must do. It sends request bytes built before the clock starts
 * (plain node:http, keep-alive) and tokenizes the response with bare saxes, counting elements.
 */
import http from 'node:http';
import { SaxesParser } from 'saxes';
import { appointments, itemIds } from '../fixtures/workload';
import { createItemEnvelope, deleteItemEnvelope, findItemGroupedEnvelope, getItemEnvelope } from '../requests/string-template';
import { socketSizedChunks, type BenchClient, type Endpoint, type Outcome, type ScenarioName, type TimedCall } from './bench-client';

export function saxesFloorClient(): BenchClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    prepare(scenario: ScenarioName, count: number, endpoint: Endpoint): TimedCall {
      const request = Buffer.from(requestFor(scenario, count), 'utf8');
      if (endpoint.kind === 'memory') {
        const chunks = socketSizedChunks(endpoint.response);
        return async () => countElementsOf(chunks);
      }
      return () => post(endpoint.url, request, agent);
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

/** A parser that counts start tags; decoding is left to the caller (a socket or TextDecoder). */
function elementCounter(): { parser: SaxesParser; outcome: () => Outcome } {
  let elements = 0;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', () => { elements++; });
  return { parser, outcome: () => ({ items: elements, errors: 0 }) };
}

function countElementsOf(chunks: readonly Buffer[]): Outcome {
  const { parser, outcome } = elementCounter();
  const decoder = new TextDecoder('utf-8');
  for (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
  parser.close();
  return outcome();
}

function post(url: string, body: Buffer, agent: http.Agent): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length },
    }, (response) => {
      const { parser, outcome } = elementCounter();
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        try {
          parser.write(text);
        } catch (error) {
          response.destroy(error as Error);
        }
      });
      response.on('end', () => {
        try {
          parser.close();
          resolve(outcome());
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
