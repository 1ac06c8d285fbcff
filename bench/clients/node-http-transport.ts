/**
 * A bare node:http Transport, for the diagnostic client only: keep-alive, Basic credentials, the
 * response handed over unread. No timeouts, redirects or error mapping — the least a transport does,
 * so that "typed-ews stream" minus this client is what AxiosTransport costs.
 */
import http from 'node:http';
import { flattenHeaders, type Transport } from '../../src/client/transport';

export function nodeHttpTransport(user: string, password: string): Transport {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    send: (request) => new Promise((resolve, reject) => {
      const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
      const outgoing = http.request(request.url, {
        method: 'POST',
        agent,
        headers: { ...request.headers, 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': body.length, Authorization: authorization },
      }, (response) => {
        resolve({ status: response.statusCode ?? 0, headers: flattenHeaders(response.headers), body: response, requestSent: true });
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    }),
  };
}
